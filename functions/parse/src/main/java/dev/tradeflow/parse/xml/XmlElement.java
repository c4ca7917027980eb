package dev.tradeflow.parse.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One element of a read document: just what the readers need, with its path for messages. */
final class XmlElement {

  private final String namespace;
  private final String name;
  private final String path;
  private final Map<String, String> attributes;
  private final List<XmlElement> children = new ArrayList<>(4);
  private final StringBuilder text = new StringBuilder();

  XmlElement(String namespace, String name, String path, Map<String, String> attributes) {
    this.namespace = namespace;
    this.name = name;
    this.path = path;
    this.attributes = attributes;
  }

  String namespace() {
    return namespace;
  }

  String name() {
    return name;
  }

  /** Like {@code /dataDocument/trade[1]/tradeHeader}: where a fault is, for the rejection. */
  String path() {
    return path;
  }

  String attribute(String attributeName) {
    return attributes.get(attributeName);
  }

  Map<String, String> attributes() {
    return attributes;
  }

  List<XmlElement> children() {
    return children;
  }

  void add(XmlElement child) {
    children.add(child);
  }

  void append(String characters) {
    text.append(characters);
  }

  /** The element's own text, trimmed. */
  String text() {
    return text.toString().strip();
  }

  /** The first child of that name, or null. */
  XmlElement child(String childName) {
    for (XmlElement child : children) {
      if (child.name.equals(childName)) {
        return child;
      }
    }
    return null;
  }

  List<XmlElement> children(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** Follows child names; null when any step is missing. */
  XmlElement at(String... names) {
    XmlElement current = this;
    for (String step : names) {
      current = current == null ? null : current.child(step);
    }
    return current;
  }

  /** The count of children with this name so far, for the next one's path index. */
  int countOf(String childName) {
    int count = 0;
    for (XmlElement child : children) {
      if (child.name.equals(childName)) {
        count++;
      }
    }
    return count;
  }
}
