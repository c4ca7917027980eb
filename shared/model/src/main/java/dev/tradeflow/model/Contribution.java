package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one trade adds to the aggregates: the latest change aggregate has applied for it. A removed
 * trade keeps its revision so that an older change arriving late is recognised and ignored. {@code
 * holding} is there for a trade enrich valued; only a live one adds it to positions and exposure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contribution(
    String tradeId,
    long revision,
    String bookId,
    String counterpartyId,
    Status status,
    Holding holding) {

  public Contribution {
    bookId = Canonical.of(bookId);
    counterpartyId = Canonical.of(counterpartyId);
  }

  public enum Status {
    LIVE,
    EXPIRED,
    REMOVED
  }

  public boolean counts() {
    return status != Status.REMOVED;
  }

  /** The holding this contribution adds to positions and exposure: a live trade's only. */
  public Holding liveHolding() {
    return status == Status.LIVE ? holding : null;
  }
}
