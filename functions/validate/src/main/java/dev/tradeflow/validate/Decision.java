package dev.tradeflow.validate;

import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;

/** What the trade store's rules say about an incoming trade. */
public sealed interface Decision {

  /** A new trade, or a higher version of a stored one. */
  record Accepted(Trade trade) implements Decision {}

  /** The same version as the stored trade, which it replaces. */
  record Replaced(Trade trade, StoredTrade previous) implements Decision {}

  record Rejected(RejectReason reason, String message) implements Decision {}
}
