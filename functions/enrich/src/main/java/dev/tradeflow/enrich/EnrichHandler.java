package dev.tradeflow.enrich;

import dev.tradeflow.binding.EventData;
import dev.tradeflow.binding.EventHandler;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.ValidatedTrade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Enrich's glue: the validated trade and its reference data into the core. */
@ApplicationScoped
public class EnrichHandler implements EventHandler {

  @Inject ReferenceData referenceData;

  private final EnrichCore core = new EnrichCore(new Emitter(Function.ENRICH, Clock.systemUTC()));

  @Override
  public Function function() {
    return Function.ENRICH;
  }

  @Override
  public List<CloudEvent> handle(EventType type, CloudEvent event, PendingWrites writes) {
    ValidatedTrade validated = EventData.read(event, ValidatedTrade.class);
    if (validated.stored() == null || validated.change() == null) {
      throw new MalformedEventException("data is not a validated trade: stored and change needed");
    }
    Trade trade = validated.trade();
    return List.of(
        core.enrich(
            event,
            validated,
            referenceData.counterparty(trade.counterpartyId()),
            referenceData.book(trade.bookId())));
  }
}
