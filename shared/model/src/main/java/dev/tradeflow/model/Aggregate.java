package dev.tradeflow.model;

/**
 * Live and expired trade counts for one book or counterparty, computed from each trade's latest
 * stored version. Carried by {@code tradeflow.aggregate.updated} and kept on the aggregates topic.
 */
public record Aggregate(Dimension dimension, String id, long liveTrades, long expiredTrades) {

  public String key() {
    return dimension.key(id);
  }
}
