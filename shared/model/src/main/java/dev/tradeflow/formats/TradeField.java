package dev.tradeflow.formats;

/**
 * The fields of a trade in the trade-store format, by their wire names (JSON keys, XML elements).
 */
public enum TradeField {
  TRADE_ID("trade_id"),
  VERSION("version"),
  COUNTER_PARTY_ID("counter_party_id"),
  BOOK_ID("book_id"),
  MATURITY_DATE("maturity_date"),
  CREATED_DATE("created_date"),
  EXPIRED("expired"),
  INSTRUMENT("instrument"),
  SIDE("side"),
  QUANTITY("quantity"),
  PRICE("price"),
  CURRENCY("currency");

  private static final TradeField[] ALL = values();

  private final String wireName;

  TradeField(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The field of that wire name, or null. */
  public static TradeField of(String wireName) {
    for (TradeField field : ALL) {
      if (field.wireName.equals(wireName)) {
        return field;
      }
    }
    return null;
  }
}
