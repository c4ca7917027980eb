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

  /** One repeating group: its count tag and its entries (the reader checked the count). */
  record Group(int countTag, List<FixFieldMap> entries) {}

  private final byte[] in;
  private final FixSection section;
  private final String root;
  private final FixFieldMap parent;
  private final int index;

  /** tag, start, end of each field, three ints apiece. */
  private int[] fields;

  private int size;

  /** Which of the section's positions are set: duplicates and required fields in O(1). */
  private final long[] seen;

  private List<Group> groups = List.of();

  /** A header, body or trailer. */
  FixFieldMap(byte[] in, FixSection section, String root) {
    this(in, section, root, null, 0);
  }

  /** The {@code index}th (from 1) entry of a group inside {@code parent}. */
  FixFieldMap(byte[] in, FixSection section, FixFieldMap parent, int index) {
    this(in, section, null, parent, index);
  }

  private FixFieldMap(byte[] in, FixSection section, String root, FixFieldMap parent, int index) {
    this.in = in;
    this.section = section;
    this.root = root;
    this.parent = parent;
    this.index = index;
    this.seen = new long[(section.size() + 63) >>> 6];
    this.fields = new int[3 * Math.min(section.size(), 16)];
  }

  FixSection section() {
    return section;
  }

  /** Where this map sits, for rejection messages: {@code body/NoSides(552)[1]}. Made on demand. */
  String path() {
    return parent == null ? root : parent.path() + "/" + section.name() + "[" + index + "]";
  }

  boolean isBody() {
    return "body".equals(root);
  }

  boolean isHeader() {
    return "header".equals(root);
  }

  /**
   * Adds a field at its position in the section (-1 for a tag the section does not define); false
   * when the tag is already there.
   */
  boolean add(int tag, int position, int start, int end) {
    if (position >= 0) {
      long bit = 1L << position;
      if ((seen[position >>> 6] & bit) != 0) {
        return false;
      }
      seen[position >>> 6] |= bit;
    } else if (indexOf(tag) >= 0) {
      return false;
    }
    if (3 * size == fields.length) {
      fields = Arrays.copyOf(fields, fields.length * 2);
    }
    fields[3 * size] = tag;
    fields[3 * size + 1] = start;
    fields[3 * size + 2] = end;
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
    return fields[3 * i];
  }

  int startAt(int i) {
    return fields[3 * i + 1];
  }

  int endAt(int i) {
    return fields[3 * i + 2];
  }

  List<Group> groups() {
    return groups;
  }

  boolean has(int tag) {
    return indexOf(tag) >= 0;
  }

  /** Whether the field at the section's {@code position} is set. */
  boolean hasPosition(int position) {
    return (seen[position >>> 6] & (1L << position)) != 0;
  }

  /** The value of {@code tag}, or null. */
  String text(int tag) {
    int i = indexOf(tag);
    return i < 0
        ? null
        : new String(in, startAt(i), endAt(i) - startAt(i), StandardCharsets.ISO_8859_1);
  }

  /** Whether {@code tag} holds exactly {@code value}. */
  boolean is(int tag, String value) {
    int i = indexOf(tag);
    if (i < 0 || endAt(i) - startAt(i) != value.length()) {
      return false;
    }
    for (int k = 0; k < value.length(); k++) {
      if (in[startAt(i) + k] != value.charAt(k)) {
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
      if (fields[3 * i] == tag) {
        return i;
      }
    }
    return -1;
  }
}
