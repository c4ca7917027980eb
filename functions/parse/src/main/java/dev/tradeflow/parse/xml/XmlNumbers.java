package dev.tradeflow.parse.xml;

import java.util.regex.Pattern;

/** The number forms XML text may take, written once for both vocabularies and compiled once. */
final class XmlNumbers {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

  private XmlNumbers() {}

  /** An optional minus and up to ten digits. */
  static boolean isInteger(String text) {
    return INTEGER.matcher(text).matches();
  }

  /** An optional minus, up to 30 digits, and an optional fraction of up to 30: no exponent. */
  static boolean isDecimal(String text) {
    return DECIMAL.matcher(text).matches();
  }
}
