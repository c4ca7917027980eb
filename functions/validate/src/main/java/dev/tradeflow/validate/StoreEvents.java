package dev.tradeflow.validate;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Stage;
import dev.tradeflow.model.ValidatedTrade;
import java.util.List;

/**
 * The edge of validate: a {@link StoreOutcome} into what is written and sent. Event ids derive from
 * the cause, so the same input decided again emits the same events.
 */
public final class StoreEvents {

  private final Emitter emitter;

  public StoreEvents(Emitter emitter) {
    this.emitter = emitter;
  }

  public ValidateResult of(CloudEvent cause, StoreOutcome outcome) {
    return switch (outcome) {
      case StoreOutcome.Stored s ->
          new ValidateResult(
              new StoreChange.Put(s.stored()),
              List.of(
                  emitter.emit(
                      cause,
                      EventType.TRADE_VALIDATED,
                      s.stored().tradeId(),
                      0,
                      new ValidatedTrade(s.stored(), s.change()))),
              s.audit());
      case StoreOutcome.Removed r ->
          new ValidateResult(
              new StoreChange.Delete(r.deletion().tradeId()),
              List.of(
                  emitter.emit(
                      cause, EventType.TRADE_DELETED, r.deletion().tradeId(), 0, r.deletion())),
              r.audit());
      case StoreOutcome.Refused r ->
          new ValidateResult(
              StoreChange.NONE,
              List.of(
                  emitter.emit(
                      cause,
                      EventType.TRADE_REJECTED,
                      r.tradeId(),
                      0,
                      Rejection.of(
                          Stage.VALIDATE, cause, r.tradeId(), r.reason(), r.message(), null))),
              r.audit());
      case StoreOutcome.Unchanged u -> new ValidateResult(StoreChange.NONE, List.of(), null);
    };
  }
}
