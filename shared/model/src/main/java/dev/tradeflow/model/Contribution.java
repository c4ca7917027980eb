package dev.tradeflow.model;

/**
 * What one trade adds to the aggregates: the latest change aggregate has applied for it. A removed
 * trade keeps its revision so that an older change arriving late is recognised and ignored.
 */
public record Contribution(
    String tradeId, long revision, String bookId, String counterpartyId, Status status) {

  public enum Status {
    LIVE,
    EXPIRED,
    REMOVED
  }

  public boolean counts() {
    return status != Status.REMOVED;
  }
}
