package dev.tradeflow.validate;

/** Trade-store JSON for tests. */
final class Trades {

  private Trades() {}

  static String json(String id, int version, String counterparty, String book, String maturity) {
    return """
        {"trade_id":"%s","version":%d,"counter_party_id":"%s","book_id":"%s",
         "maturity_date":"%s","created_date":"2026-11-21","expired":false}"""
        .formatted(id, version, counterparty, book, maturity);
  }

  /** The parsed event's data: the canonical trade JSON. */
  static String parsed(String id, int version, String book, String maturity) {
    return """
        {"trade_id":"%s","version":%d,"counterparty_id":"CP-1","book_id":"%s",
         "maturity_date":"%s","created_date":"2026-11-21","expired":false}"""
        .formatted(id, version, book, maturity);
  }
}
