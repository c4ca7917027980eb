package dev.tradeflow.validate;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Stage;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeCancel;
import dev.tradeflow.model.TradeDeletion;
import dev.tradeflow.model.TradeExpiry;
import dev.tradeflow.model.ValidatedTrade;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The trade store's decisions, as plain Java: {@code (stored trade, input) -> (store change,
 * events, audit entry)}. It reads the current stored trade but never writes: the caller writes the
 * change, then emits the events.
 */
public final class ValidateCore {

  private final Emitter emitter;
  private final BusinessCalendar calendar;
  private final Revisions revisions;

  public ValidateCore(Emitter emitter, BusinessCalendar calendar, Revisions revisions) {
    this.emitter = emitter;
    this.calendar = calendar;
    this.revisions = revisions;
  }

  public BusinessCalendar calendar() {
    return calendar;
  }

  public ValidateResult onTrade(CloudEvent cause, Trade trade, Optional<StoredTrade> current) {
    return switch (TradeStoreRules.decide(trade, current, calendar.today())) {
      case Decision.Accepted accepted ->
          store(cause, accepted.trade(), ValidatedTrade.Change.ACCEPTED, AuditAction.ACCEPTED);
      case Decision.Replaced replaced ->
          store(cause, replaced.trade(), ValidatedTrade.Change.REPLACED, AuditAction.REPLACED);
      case Decision.Rejected rejected -> reject(cause, trade, rejected);
    };
  }

  /** Flags a matured stored trade as expired; anything else is a no-op (a repeated tick, say). */
  public ValidateResult onExpiry(
      CloudEvent cause, TradeExpiry expiry, Optional<StoredTrade> current) {
    if (current.isEmpty()
        || !BusinessCalendar.dueForExpiry(current.get().trade(), calendar.today())) {
      return new ValidateResult(StoreChange.NONE, List.of(), null);
    }
    Trade expired = current.get().trade().withExpired(true);
    ValidateResult result =
        store(cause, expired, ValidatedTrade.Change.EXPIRED, AuditAction.EXPIRED);
    return expiry.requestedBy() == null
        ? result
        : new ValidateResult(
            result.change(), result.events(), result.audit().by(expiry.requestedBy()));
  }

  public ValidateResult onDelete(CloudEvent cause, Optional<StoredTrade> current) {
    if (current.isEmpty()) {
      return new ValidateResult(StoreChange.NONE, List.of(), null);
    }
    return remove(cause, current.get().trade(), AuditAction.DELETED);
  }

  /**
   * A sender's cancel: removes the stored trade unless the cancel is older than it. A cancel of a
   * trade the store does not hold is rejected, so the sender learns it went nowhere.
   */
  public ValidateResult onCancel(
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

  private ValidateResult remove(CloudEvent cause, Trade trade, AuditAction action) {
    TradeDeletion deletion = new TradeDeletion(trade.tradeId(), revisions.next());
    CloudEvent deleted = emitter.emit(cause, EventType.TRADE_DELETED, trade.tradeId(), 0, deletion);
    return new ValidateResult(
        new StoreChange.Delete(trade.tradeId()),
        List.of(deleted),
        audit(cause, trade.tradeId(), trade.version(), action, null));
  }

  private ValidateResult store(
      CloudEvent cause, Trade trade, ValidatedTrade.Change change, AuditAction action) {
    StoredTrade stored = new StoredTrade(trade, revisions.next());
    CloudEvent validated =
        emitter.emit(
            cause,
            EventType.TRADE_VALIDATED,
            trade.tradeId(),
            0,
            new ValidatedTrade(stored, change));
    return new ValidateResult(
        new StoreChange.Put(stored),
        List.of(validated),
        audit(cause, trade.tradeId(), trade.version(), action, null));
  }

  private ValidateResult reject(CloudEvent cause, Trade trade, Decision.Rejected rejected) {
    return reject(cause, trade.tradeId(), trade.version(), rejected);
  }

  private ValidateResult reject(
      CloudEvent cause, String tradeId, int version, Decision.Rejected rejected) {
    Rejection rejection =
        Rejection.of(Stage.VALIDATE, cause, tradeId, rejected.reason(), rejected.message(), null);
    CloudEvent event = emitter.emit(cause, EventType.TRADE_REJECTED, tradeId, 0, rejection);
    return new ValidateResult(
        StoreChange.NONE,
        List.of(event),
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
