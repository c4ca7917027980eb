package dev.tradeflow.model;

import java.time.LocalDate;

/**
 * A stored trade whose maturity has passed, carried by {@code tradeflow.trade.expired}. {@code
 * requestedBy} is who asked for the sweep over a REST API (the subject of their token), so the
 * trade store's audit entry can name them; null for the schedule, a PingSource or a CloudEvent.
 */
public record TradeExpiry(
    String tradeId,
    int version,
    LocalDate maturityDate,
    LocalDate businessDate,
    String requestedBy) {

  /** An expiry nobody asked for by name: the schedule's, a PingSource's, a CloudEvent's. */
  public TradeExpiry(String tradeId, int version, LocalDate maturityDate, LocalDate businessDate) {
    this(tradeId, version, maturityDate, businessDate, null);
  }
}
