package dev.tradeflow.validate;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeCancel;
import dev.tradeflow.model.TradeDeletion;
import dev.tradeflow.model.TradeExpiry;
import dev.tradeflow.model.ValidatedTrade;
import java.time.Instant;
import java.util.Optional;

/**
 * The trade store's decisions, as plain Java: {@code (stored trade, input) -> outcome}. It reads
 * the current stored trade but never writes, and builds no event: {@link StoreEvents} turns the
 * outcome into the store change and the events, which the caller writes and sends. The cause is
 * read for the audit entry only (its source and id).
 */
public final class ValidateCore {

  private static final StoreOutcome UNCHANGED = new StoreOutcome.Unchanged();

  private final BusinessCalendar calendar;
  private final Revisions revisions;

  public ValidateCore(BusinessCalendar calendar, Revisions revisions) {
    this.calendar = calendar;
    this.revisions = revisions;
  }

  public BusinessCalendar calendar() {
    return calendar;
  }

  public StoreOutcome onTrade(CloudEvent cause, Trade trade, Optional<StoredTrade> current) {
    return switch (TradeStoreRules.decide(trade, current, calendar.today())) {
      case Decision.Accepted accepted ->
          store(cause, accepted.trade(), ValidatedTrade.Change.ACCEPTED, AuditAction.ACCEPTED);
      case Decision.Replaced replaced ->
          store(cause, replaced.trade(), ValidatedTrade.Change.REPLACED, AuditAction.REPLACED);
      case Decision.Rejected rejected -> reject(cause, trade, rejected);
    };
  }

  /** Flags a matured stored trade as expired; anything else is a no-op (a repeated tick, say). */
  public StoreOutcome onExpiry(
      CloudEvent cause, TradeExpiry expiry, Optional<StoredTrade> current) {
    if (current.isEmpty()
        || !BusinessCalendar.dueForExpiry(current.get().trade(), calendar.today())) {
      return UNCHANGED;
    }
    Trade expired = current.get().trade().withExpired(true);
    StoreOutcome.Stored stored =
        store(cause, expired, ValidatedTrade.Change.EXPIRED, AuditAction.EXPIRED);
    return expiry.requestedBy() == null
        ? stored
        : new StoreOutcome.Stored(
            stored.stored(), stored.change(), stored.audit().by(expiry.requestedBy()));
  }

  public StoreOutcome onDelete(CloudEvent cause, Optional<StoredTrade> current) {
    if (current.isEmpty()) {
      return UNCHANGED;
    }
    return remove(cause, current.get().trade(), AuditAction.DELETED);
  }

  /**
   * A sender's cancel: removes the stored trade unless the cancel is older than it. A cancel of a
   * trade the store does not hold is rejected, so the sender learns it went nowhere.
   */
  public StoreOutcome onCancel(
      CloudEvent cause, TradeCancel cancel, Optional<StoredTrade> current) {
    if (current.isEmpty()) {
      return reject(
          cause,
          cancel.tradeId(),
          cancel.version(),
          new Decision.Rejected(
              RejectReason.UNKNOWN_TRADE,
              "trade " + cancel.tradeId() + " is not in the store, so there is nothing to cancel"));
    }
    int stored = current.get().trade().version();
    if (cancel.version() < stored) {
      return reject(
          cause,
          cancel.tradeId(),
          cancel.version(),
          new Decision.Rejected(
              RejectReason.LOWER_VERSION,
              "the cancel is for version "
                  + cancel.version()
                  + " but version "
                  + stored
                  + " is stored"));
    }
    return remove(cause, current.get().trade(), AuditAction.CANCELLED);
  }

  private StoreOutcome remove(CloudEvent cause, Trade trade, AuditAction action) {
    return new StoreOutcome.Removed(
        new TradeDeletion(trade.tradeId(), revisions.next()),
        audit(cause, trade.tradeId(), trade.version(), action, null));
  }

  private StoreOutcome.Stored store(
      CloudEvent cause, Trade trade, ValidatedTrade.Change change, AuditAction action) {
    return new StoreOutcome.Stored(
        new StoredTrade(trade, revisions.next()),
        change,
        audit(cause, trade.tradeId(), trade.version(), action, null));
  }

  private StoreOutcome reject(CloudEvent cause, Trade trade, Decision.Rejected rejected) {
    return reject(cause, trade.tradeId(), trade.version(), rejected);
  }

  private StoreOutcome reject(
      CloudEvent cause, String tradeId, int version, Decision.Rejected rejected) {
    return new StoreOutcome.Refused(
        tradeId,
        rejected.reason(),
        rejected.message(),
        audit(cause, tradeId, version, AuditAction.REJECTED, rejected));
  }

  private AuditEntry audit(
      CloudEvent cause,
      String tradeId,
      int version,
      AuditAction action,
      Decision.Rejected rejected) {
    return new AuditEntry(
        Instant.now(calendar.clock()),
        tradeId,
        version,
        action,
        rejected == null ? null : rejected.reason(),
        rejected == null ? null : rejected.message(),
        cause.source(),
        cause.id(),
        null);
  }
}
