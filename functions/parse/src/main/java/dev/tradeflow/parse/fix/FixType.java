package dev.tradeflow.parse.fix;

/**
 * How a FIX field's value is checked, by its dictionary type. The rules are those of the FIX
 * specification as QuickFIX/J applies them; types with no syntax of their own are free text.
 */
enum FixType {
  INTEGER,
  DECIMAL,
  BOOLEAN,
  CHAR,
  CHAR_LIST,
  UTC_TIMESTAMP,
  UTC_TIME,
  UTC_DATE,
  LENGTH,
  DATA,
  TEXT;

  static FixType of(String dictionaryType) {
    return switch (dictionaryType) {
      case "INT", "NUMINGROUP", "SEQNUM" -> INTEGER;
      case "LENGTH" -> LENGTH;
      case "PRICE", "AMT", "QTY", "FLOAT", "PRICEOFFSET", "PERCENTAGE" -> DECIMAL;
      case "BOOLEAN" -> BOOLEAN;
      case "CHAR" -> CHAR;
      case "MULTIPLECHARVALUE" -> CHAR_LIST;
      case "UTCTIMESTAMP", "TIME" -> UTC_TIMESTAMP;
      case "UTCTIMEONLY" -> UTC_TIME;
      case "UTCDATE", "UTCDATEONLY" -> UTC_DATE;
      case "DATA" -> DATA;
      default -> TEXT;
    };
  }

  /** Whether {@code in[from, to)} is a well-formed value of this type. */
  boolean accepts(byte[] in, int from, int to) {
    return switch (this) {
      case INTEGER, LENGTH -> isInteger(in, from, to);
      case DECIMAL -> isDecimal(in, from, to);
      case BOOLEAN -> to - from == 1 && (in[from] == 'Y' || in[from] == 'N');
      case CHAR -> to - from == 1;
      case CHAR_LIST -> isCharList(in, from, to);
      case UTC_TIMESTAMP ->
          isDigits(in, from, from + 8)
              && to - from >= 9
              && in[from + 8] == '-'
              && isTime(in, from + 9, to);
      case UTC_TIME -> isTime(in, from, to);
      case UTC_DATE -> to - from == 8 && isDigits(in, from, to);
      case DATA, TEXT -> true;
    };
  }

  /** An optional minus and digits that fit an int, as {@code Integer.parseInt} takes them. */
  static boolean isInteger(byte[] in, int from, int to) {
    int i = from;
    if (i < to && in[i] == '-') {
      i++;
    }
    if (i == to || to - i > 10) {
      return false;
    }
    long value = 0;
    for (; i < to; i++) {
      if (in[i] < '0' || in[i] > '9') {
        return false;
      }
      value = value * 10 + (in[i] - '0');
    }
    return in[from] == '-' ? -value >= Integer.MIN_VALUE : value <= Integer.MAX_VALUE;
  }

  private static boolean isDecimal(byte[] in, int from, int to) {
    int i = from;
    if (i < to && in[i] == '-') {
      i++;
    }
    boolean dot = false;
    boolean digit = false;
    for (; i < to; i++) {
      byte b = in[i];
      if (b == '.' && !dot) {
        dot = true;
      } else if (b >= '0' && b <= '9') {
        digit = true;
      } else {
        return false;
      }
    }
    return digit;
  }

  /** Single characters separated by single spaces. */
  private static boolean isCharList(byte[] in, int from, int to) {
    for (int i = from; i < to; i++) {
      boolean space = (i - from) % 2 == 1;
      if ((in[i] == ' ') != space) {
        return false;
      }
    }
    return (to - from) % 2 == 1;
  }

  /** {@code HH:mm:ss} with an optional fraction of 3, 6, 9 or 12 digits. */
  private static boolean isTime(byte[] in, int from, int to) {
    int length = to - from;
    if (length != 8 && length != 12 && length != 15 && length != 18 && length != 21) {
      return false;
    }
    boolean hms =
        isDigits(in, from, from + 2)
            && in[from + 2] == ':'
            && isDigits(in, from + 3, from + 5)
            && in[from + 5] == ':'
            && isDigits(in, from + 6, from + 8);
    return hms && (length == 8 || (in[from + 8] == '.' && isDigits(in, from + 9, to)));
  }

  private static boolean isDigits(byte[] in, int from, int to) {
    if (to > in.length) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (in[i] < '0' || in[i] > '9') {
        return false;
      }
    }
    return true;
  }
}
