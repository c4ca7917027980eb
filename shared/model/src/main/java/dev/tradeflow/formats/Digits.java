package dev.tradeflow.formats;

/** Whole numbers written in ASCII digits, read without regex or exceptions, for every format. */
public final class Digits {

  private Digits() {}

  /** The value of {@code text} when it is 1 to 18 ASCII digits (no sign), else -1. */
  public static long value(CharSequence text) {
    return value(text, 0, text.length());
  }

  /** The value of {@code text[from, to)} when it is 1 to 18 ASCII digits, else -1. */
  public static long value(CharSequence text, int from, int to) {
    if (to <= from || to - from > 18 || to > text.length()) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
