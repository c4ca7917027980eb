package dev.tradeflow.model;

/**
 * A trade as the trade store holds it. {@code revision} grows with every change the store makes to
 * any trade (accept, replace, expire, delete), so downstream functions can tell a newer change of a
 * trade from an older or repeated one, whichever path it came by.
 */
public record StoredTrade(Trade trade, long revision) {

  public String tradeId() {
    return trade.tradeId();
  }
}
