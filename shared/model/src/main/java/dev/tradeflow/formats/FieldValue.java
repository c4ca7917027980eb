package dev.tradeflow.formats;

/**
 * One field's value as read, before any rule applies: what kind of value it was on the wire, and
 * its text (numbers as written, so no precision is lost).
 */
public record FieldValue(Kind kind, String text) {

  public enum Kind {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL,
    /** An object or array where a plain value belongs. */
    STRUCTURE
  }

  public static final FieldValue NULL = new FieldValue(Kind.NULL, "null");

  public boolean isNumber() {
    return kind == Kind.INTEGER || kind == Kind.DECIMAL;
  }

  /** The value as a message shows it: strings quoted, long ones cut. */
  public String shown() {
    String body = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return kind == Kind.STRING ? "\"" + body + "\"" : body;
  }
}
