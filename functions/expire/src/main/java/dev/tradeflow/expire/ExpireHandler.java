package dev.tradeflow.expire;

import dev.tradeflow.binding.EventHandler;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.binding.RequestActor;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.ExpiryTick;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Expire's glue: a tick (from the schedule, a PingSource or the REST call) sweeps the trade store
 * copy. A tick may name a business date; without one it is today in the business zone.
 */
@ApplicationScoped
public class ExpireHandler implements EventHandler {

  @Inject MaturityIndex index;
  @Inject BusinessCalendar calendar;
  @Inject RequestActor actor;

  private final ExpiryEvents events =
      new ExpiryEvents(new Emitter(Function.EXPIRE, Clock.systemUTC()));

  @Override
  public Function function() {
    return Function.EXPIRE;
  }

  @Override
  public List<CloudEvent> handle(EventType type, CloudEvent tick, PendingWrites writes) {
    return events.of(
        tick, ExpireCore.due(index.trades(), businessDate(tick), actor.current().orElse(null)));
  }

  public LocalDate businessDate(CloudEvent tick) {
    String data = tick.dataAsText().trim();
    if (data.isEmpty()) {
      return calendar.today();
    }
    try {
      ExpiryTick parsed = Json.read(tick.data(), ExpiryTick.class);
      return parsed.businessDate() == null ? calendar.today() : parsed.businessDate();
    } catch (RuntimeException e) {
      throw new MalformedEventException(
          "an expiry tick's data is empty or {\"business_date\":\"yyyy-MM-dd\"}: "
              + e.getMessage());
    }
  }
}
