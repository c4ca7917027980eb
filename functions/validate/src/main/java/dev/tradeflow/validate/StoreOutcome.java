package dev.tradeflow.validate;

import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.TradeDeletion;
import dev.tradeflow.model.ValidatedTrade;

/**
 * What the trade store decided about one input, as a value: {@link ValidateCore} returns it, and
 * {@link StoreEvents} at the edge turns it into the store change, the events and the audit entry.
 */
public sealed interface StoreOutcome {

  /** The audit entry of the decision; none when nothing changed. */
  AuditEntry audit();

  /** A trade stored: accepted, a replacement, or flagged expired. */
  record Stored(StoredTrade stored, ValidatedTrade.Change change, AuditEntry audit)
      implements StoreOutcome {}

  /** A trade taken out of the store: deleted or cancelled. */
  record Removed(TradeDeletion deletion, AuditEntry audit) implements StoreOutcome {}

  /** An input the store refused, with the reason code and why. */
  record Refused(String tradeId, RejectReason reason, String message, AuditEntry audit)
      implements StoreOutcome {}

  /** Nothing to do: a repeated expiry, a delete of a trade not held. */
  record Unchanged() implements StoreOutcome {
    @Override
    public AuditEntry audit() {
      return null;
    }
  }
}
