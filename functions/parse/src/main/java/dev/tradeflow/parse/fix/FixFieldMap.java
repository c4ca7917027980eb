package dev.tradeflow.parse.fix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of one header, body, trailer or group entry, as offsets into the message bytes: no
 * string is made until a value is asked for.
 */
final class FixFieldMap {

  /** One repeating group: its declared count and its entries. */
  record Group(int countTag, int declared, List<FixFieldMap> entries) {}

  private final byte[] in;
  private final FixSection section;
  private final String path;
  private int[] tags = new int[8];
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int size;
  private List<Group> groups = List.of();

  FixFieldMap(byte[] in, FixSection section, String path) {
    this.in = in;
    this.section = section;
    this.path = path;
  }

  FixSection section() {
    return section;
  }

  /** Where this map sits, for rejection messages: {@code NoSides(552)[1]}. */
  String path() {
    return path;
  }

  /** Adds a field; false when the tag is already there. */
  boolean add(int tag, int start, int end) {
    if (indexOf(tag) >= 0) {
      return false;
    }
    if (size == tags.length) {
      tags = Arrays.copyOf(tags, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    tags[size] = tag;
    starts[size] = start;
    ends[size] = end;
    size++;
    return true;
  }

  void addGroup(Group group) {
    if (groups.isEmpty()) {
      groups = new ArrayList<>(2);
    }
    groups.add(group);
  }

  int size() {
    return size;
  }

  int tagAt(int i) {
    return tags[i];
  }

  int startAt(int i) {
    return starts[i];
  }

  int endAt(int i) {
    return ends[i];
  }

  List<Group> groups() {
    return groups;
  }

  boolean has(int tag) {
    return indexOf(tag) >= 0;
  }

  /** The value of {@code tag}, or null. */
  String text(int tag) {
    int i = indexOf(tag);
    return i < 0
        ? null
        : new String(in, starts[i], ends[i] - starts[i], StandardCharsets.ISO_8859_1);
  }

  /** Whether {@code tag} holds exactly {@code value}. */
  boolean is(int tag, String value) {
    int i = indexOf(tag);
    if (i < 0 || ends[i] - starts[i] != value.length()) {
      return false;
    }
    for (int k = 0; k < value.length(); k++) {
      if (in[starts[i] + k] != value.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The entries of the group counted by {@code countTag}; empty when absent. */
  List<FixFieldMap> entries(int countTag) {
    for (Group group : groups) {
      if (group.countTag() == countTag) {
        return group.entries();
      }
    }
    return List.of();
  }

  private int indexOf(int tag) {
    for (int i = 0; i < size; i++) {
      if (tags[i] == tag) {
        return i;
      }
    }
    return -1;
  }
}
