package dev.tradeflow.parse.fix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One FIX version's fields, header, trailer and the messages parse reads, loaded from the compact
 * resource generated from QuickFIX/J's data dictionary (see {@code FixDictionaryExport}).
 */
final class FixDictionary {

  static final int USER_DEFINED_MIN = 5000;

  private final String version;
  private final FixType[] types;
  private final String[] names;
  private final FixEnum[] enums;
  private final boolean[] multipleValues;
  private final FixSection header;
  private final FixSection trailer;
  private final Map<String, FixSection> messages;

  private FixDictionary(
      String version,
      FixType[] types,
      String[] names,
      FixEnum[] enums,
      boolean[] multipleValues,
      FixSection header,
      FixSection trailer,
      Map<String, FixSection> messages) {
    this.version = version;
    this.types = types;
    this.names = names;
    this.enums = enums;
    this.multipleValues = multipleValues;
    this.header = header;
    this.trailer = trailer;
    this.messages = messages;
  }

  String version() {
    return version;
  }

  FixSection header() {
    return header;
  }

  FixSection trailer() {
    return trailer;
  }

  /** The body definition of a message type, or null when parse does not read it. */
  FixSection message(String msgType) {
    return messages.get(msgType);
  }

  boolean isField(int tag) {
    return tag < types.length && types[tag] != null;
  }

  /** The field's type; user-defined and unknown tags are free text. */
  FixType type(int tag) {
    return isField(tag) ? types[tag] : FixType.TEXT;
  }

  /** {@code Name(tag)}, for messages. */
  String describe(int tag) {
    return isField(tag) ? names[tag] + "(" + tag + ")" : "tag " + tag;
  }

  /** Whether the value is one the dictionary lists for the tag (any value when it lists none). */
  boolean allows(int tag, byte[] in, int from, int to) {
    FixEnum values = tag < enums.length ? enums[tag] : null;
    if (values == null) {
      return true;
    }
    if (multipleValues[tag]) {
      return allowsEach(values, in, from, to);
    }
    return values.contains(in, from, to);
  }

  /** Space-separated values, each listed; trailing spaces are ignored, empty values are not. */
  private static boolean allowsEach(FixEnum values, byte[] in, int from, int to) {
    int end = to;
    while (end > from && in[end - 1] == ' ') {
      end--;
    }
    int start = from;
    for (int i = from; i <= end; i++) {
      if (i == end || in[i] == ' ') {
        if (!values.contains(in, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  static FixDictionary load(String resource) {
    try (InputStream in = FixDictionary.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("FIX dictionary " + resource + " is not on the class path");
      }
      return new Loader(
              new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))
                  .lines()
                  .filter(line -> !line.isBlank() && !line.startsWith("#"))
                  .toList())
          .load();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the resource's lines: fields first, then nested sections closed by {@code end}. */
  private static final class Loader {
    private final List<String> lines;
    private int next;
    private final Map<Integer, String[]> fields = new HashMap<>();

    Loader(List<String> lines) {
      this.lines = lines;
    }

    FixDictionary load() {
      String version = lines.get(next++).split(" ")[1];
      while (lines.get(next).startsWith("field ")) {
        String[] parts = lines.get(next++).split(" ");
        fields.put(Integer.parseInt(parts[1]), parts);
      }
      int maxTag = fields.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      FixType[] types = new FixType[maxTag + 1];
      String[] names = new String[maxTag + 1];
      FixEnum[] enums = new FixEnum[maxTag + 1];
      boolean[] multipleValues = new boolean[maxTag + 1];
      fields.forEach(
          (tag, parts) -> {
            types[tag] = FixType.of(parts[3]);
            names[tag] = parts[2];
            multipleValues[tag] = parts[3].startsWith("MULTIPLE");
            if (parts.length > 4) {
              enums[tag] = new FixEnum(Arrays.asList(parts).subList(4, parts.length));
            }
          });
      FixSection header = null;
      FixSection trailer = null;
      Map<String, FixSection> messages = new HashMap<>();
      while (next < lines.size()) {
        String[] opening = lines.get(next++).trim().split(" ");
        switch (opening[0]) {
          case "header" -> header = section("header");
          case "trailer" -> trailer = section("trailer");
          case "message" -> messages.put(opening[1], section("35=" + opening[1]));
          default ->
              throw new IllegalStateException("unexpected line " + String.join(" ", opening));
        }
      }
      return new FixDictionary(
          version, types, names, enums, multipleValues, header, trailer, messages);
    }

    private FixSection section(String name) {
      List<Integer> tags = new ArrayList<>();
      List<Boolean> required = new ArrayList<>();
      List<FixSection> groups = new ArrayList<>();
      while (true) {
        String[] parts = lines.get(next++).trim().split(" ");
        if (parts[0].equals("end")) {
          break;
        }
        boolean group = parts[0].equals("group");
        int tag = Integer.parseInt(parts[group ? 1 : 0]);
        tags.add(tag);
        required.add("Y".equals(parts[group ? 2 : 1]));
        groups.add(group ? section(fields.get(tag)[2] + "(" + tag + ")") : null);
      }
      boolean[] flags = new boolean[required.size()];
      for (int i = 0; i < flags.length; i++) {
        flags[i] = required.get(i);
      }
      return new FixSection(
          name,
          tags.stream().mapToInt(Integer::intValue).toArray(),
          flags,
          groups.toArray(FixSection[]::new));
    }
  }
}
