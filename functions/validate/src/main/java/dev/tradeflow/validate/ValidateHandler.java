package dev.tradeflow.validate;

import dev.tradeflow.binding.EventData;
import dev.tradeflow.binding.EventHandler;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.binding.RequestActor;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeCancel;
import dev.tradeflow.model.TradeExpiry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Validate's glue: reads the input, lets the core decide on the current stored trade, applies the
 * store change and the audit entry (their Kafka writes go to {@code writes}), and hands back the
 * events to emit.
 */
@ApplicationScoped
public class ValidateHandler implements EventHandler {

  @Inject TradeStore store;
  @Inject AuditLog audit;
  @Inject RequestActor actor;
  @Inject BusinessCalendar calendar;

  private ValidateCore core;
  private final StoreEvents events =
      new StoreEvents(new Emitter(Function.VALIDATE, Clock.systemUTC()));

  @PostConstruct
  void init() {
    core = new ValidateCore(calendar, store.revisions());
  }

  @Override
  public Function function() {
    return Function.VALIDATE;
  }

  @Override
  public List<CloudEvent> handle(EventType type, CloudEvent event, PendingWrites writes) {
    return switch (type) {
      case TRADE_PARSED -> {
        yield submit(event, EventData.read(event, Trade.class), writes).events();
      }
      case TRADE_CANCEL_REQUESTED -> {
        yield cancel(event, EventData.read(event, TradeCancel.class), writes).events();
      }
      case TRADE_EXPIRED -> {
        yield expire(event, EventData.read(event, TradeExpiry.class), writes).events();
      }
      default -> throw new MalformedEventException("validate does not take " + event.type());
    };
  }

  public ValidateResult submit(CloudEvent cause, Trade trade, PendingWrites writes) {
    return decide(cause, trade.tradeId(), current -> core.onTrade(cause, trade, current), writes);
  }

  public ValidateResult delete(CloudEvent cause, String tradeId, PendingWrites writes) {
    return decide(cause, tradeId, current -> core.onDelete(cause, current), writes);
  }

  public ValidateResult cancel(CloudEvent cause, TradeCancel cancel, PendingWrites writes) {
    return decide(
        cause, cancel.tradeId(), current -> core.onCancel(cause, cancel, current), writes);
  }

  public ValidateResult expire(CloudEvent cause, TradeExpiry expiry, PendingWrites writes) {
    return decide(
        cause, expiry.tradeId(), current -> core.onExpiry(cause, expiry, current), writes);
  }

  public BusinessCalendar calendar() {
    return calendar;
  }

  /** Under the trade's lock: the core decides, the edge makes events, the writes are added. */
  private ValidateResult decide(
      CloudEvent cause,
      String tradeId,
      java.util.function.Function<Optional<StoredTrade>, StoreOutcome> decision,
      PendingWrites writes) {
    return store.locked(
        tradeId,
        () -> {
          ValidateResult result = events.of(cause, decision.apply(store.get(tradeId)));
          writes.add(store.write(result.change()));
          if (result.audit() != null) {
            AuditEntry entry = result.audit();
            writes.add(audit.record(actor.current().map(entry::by).orElse(entry)));
          }
          return result;
        });
  }
}
