package dev.tradeflow.enrich;

import dev.tradeflow.binding.EventData;
import dev.tradeflow.binding.EventHandler;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.binding.ReportingCurrency;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.enrich.reference.InvalidReferenceData;
import dev.tradeflow.enrich.reference.ReferenceChange;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Stage;
import dev.tradeflow.model.ValidatedTrade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Enrich's glue: a validated trade and its reference data into the core; a reference-data change
 * into the reference data (it emits nothing).
 */
@ApplicationScoped
public class EnrichHandler implements EventHandler {

  @Inject ReferenceData referenceData;
  @Inject BusinessCalendar calendar;

  private final Emitter emitter = new Emitter(Function.ENRICH, Clock.systemUTC());
  private final EnrichCore core;

  @Inject
  public EnrichHandler(ReportingCurrency reporting) {
    this.core = new EnrichCore(reporting.code());
  }

  @Override
  public Function function() {
    return Function.ENRICH;
  }

  @Override
  public List<CloudEvent> handle(EventType type, CloudEvent event, PendingWrites writes) {
    if (type == EventType.REFDATA_UPDATED || type == EventType.REFDATA_DELETED) {
      referenceData.apply(change(type, event), writes);
      return List.of();
    }
    ValidatedTrade validated = EventData.read(event, ValidatedTrade.class);
    if (validated.stored() == null || validated.change() == null) {
      throw new MalformedEventException("data is not a validated trade: stored and change needed");
    }
    String tradeId = validated.trade().tradeId();
    return List.of(
        switch (core.enrich(validated, referenceData, calendar.today())) {
          case Checked.Ok<EnrichedTrade> enriched ->
              emitter.emit(event, EventType.TRADE_ENRICHED, tradeId, 0, enriched.value());
          case Checked.Refused<EnrichedTrade> refused ->
              emitter.emit(
                  event,
                  EventType.TRADE_REJECTED,
                  tradeId,
                  0,
                  Rejection.of(
                      Stage.ENRICH,
                      event,
                      tradeId,
                      refused.reason(),
                      refused.message(),
                      refused.location()));
        });
  }

  private static ReferenceChange change(EventType type, CloudEvent event) {
    try {
      return ReferenceChange.read(type, event.data());
    } catch (InvalidReferenceData e) {
      throw new MalformedEventException(
          type.type() + " data is not a reference-data change: " + e.getMessage(), e.errors());
    }
  }
}
