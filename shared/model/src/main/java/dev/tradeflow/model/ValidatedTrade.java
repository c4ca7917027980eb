package dev.tradeflow.model;

/** What validate says happened to the trade store, carried by {@code tradeflow.trade.validated}. */
public record ValidatedTrade(StoredTrade stored, Change change) {

  public enum Change {
    /** A new trade, or a higher version of a stored one. */
    ACCEPTED,
    /** The same version as the stored one, which it replaces. */
    REPLACED,
    /** The expiry job flagged the stored trade as matured. */
    EXPIRED
  }

  public Trade trade() {
    return stored.trade();
  }
}
