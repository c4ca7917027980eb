package dev.tradeflow.formats;

import java.util.regex.Pattern;

/** What a trade, counterparty or book id may be, in every format. */
public final class TradeIds {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public static final String ID_RULE = "1 to 64 letters, digits or . _ : / -";

  private TradeIds() {}

  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  public static boolean isCurrency(String text) {
    return text != null && CURRENCY.matcher(text).matches();
  }
}
