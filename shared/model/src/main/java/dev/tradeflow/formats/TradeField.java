package dev.tradeflow.formats;

/**
 * The fields of a trade in the trade-store format, by their wire names (JSON keys, XML elements).
 */
public enum TradeField {
  TRADE_ID("trade_id"),
  VERSION("version"),
  /**
   * The trade-store input spells it {@code counter_party_id}; everything tradeflow emits and stores
   * spells it {@code counterparty_id}, which input may use too (so a trade read from the REST API
   * can be posted back). Both in one trade is a repeated field.
   */
  COUNTERPARTY_ID("counter_party_id"),
  BOOK_ID("book_id"),
  MATURITY_DATE("maturity_date"),
  CREATED_DATE("created_date"),
  EXPIRED("expired"),
  INSTRUMENT("instrument"),
  SIDE("side"),
  QUANTITY("quantity"),
  PRICE("price"),
  CURRENCY("currency");

  private final String wireName;

  TradeField(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The field of that wire name, or null. */
  public static TradeField of(String wireName) {
    return switch (wireName) {
      case "trade_id" -> TRADE_ID;
      case "version" -> VERSION;
      case "counter_party_id", "counterparty_id" -> COUNTERPARTY_ID;
      case "book_id" -> BOOK_ID;
      case "maturity_date" -> MATURITY_DATE;
      case "created_date" -> CREATED_DATE;
      case "expired" -> EXPIRED;
      case "instrument" -> INSTRUMENT;
      case "side" -> SIDE;
      case "quantity" -> QUANTITY;
      case "price" -> PRICE;
      case "currency" -> CURRENCY;
      default -> null;
    };
  }
}
