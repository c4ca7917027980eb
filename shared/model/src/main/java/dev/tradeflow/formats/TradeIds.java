package dev.tradeflow.formats;

/** What a trade, counterparty or book id may be, in every format; checked without regex. */
public final class TradeIds {

  public static final String ID_RULE = "1 to 64 letters, digits or . _ : / -";

  private TradeIds() {}

  /** {@code [A-Za-z0-9][A-Za-z0-9._:/-]{0,63}} */
  public static boolean isId(String text) {
    if (text == null || text.isEmpty() || text.length() > 64 || !isAlphanumeric(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isAlphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '/' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** Three upper-case ASCII letters, as ISO 4217 codes are. */
  public static boolean isCurrency(String text) {
    return text != null
        && text.length() == 3
        && isUpper(text.charAt(0))
        && isUpper(text.charAt(1))
        && isUpper(text.charAt(2));
  }

  private static boolean isAlphanumeric(char c) {
    return isUpper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
