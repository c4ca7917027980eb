package dev.tradeflow.parse.fix;

/**
 * The definition of one field map: a header, trailer, message body or repeating-group entry. Tags
 * are in dictionary order; a group's first tag is its delimiter.
 */
final class FixSection {

  private final String name;
  private final int[] tags;
  private final boolean[] required;
  private final FixSection[] groups;
  private final TagIndex index;
  private final int[] requiredPositions;

  FixSection(String name, int[] tags, boolean[] required, FixSection[] groups) {
    this.name = name;
    this.tags = tags;
    this.required = required;
    this.groups = groups;
    this.index = new TagIndex(tags);
    this.requiredPositions =
        java.util.stream.IntStream.range(0, tags.length).filter(p -> required[p]).toArray();
  }

  String name() {
    return name;
  }

  int indexOf(int tag) {
    return index.indexOf(tag);
  }

  boolean contains(int tag) {
    return index.indexOf(tag) >= 0;
  }

  /** The entry definition of the group whose count field is at {@code position}, or null. */
  FixSection groupAt(int position) {
    return groups[position];
  }

  /** Positions of the required fields, in order. */
  int[] requiredPositions() {
    return requiredPositions;
  }

  int delimiter() {
    return tags[0];
  }

  int size() {
    return tags.length;
  }

  int tagAt(int position) {
    return tags[position];
  }
}
