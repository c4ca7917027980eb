package dev.tradeflow.aggregate;

import dev.tradeflow.binding.EventData;
import dev.tradeflow.binding.EventHandler;
import dev.tradeflow.binding.EventPublisher;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.TradeDeletion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Aggregate's glue. Under one lock per instance: decide the trade's contribution, apply it (the
 * counts follow at once), then send the moved aggregates, so the aggregates topic never receives a
 * key's counts out of order. The writes go to {@code writes}; the binding waits for them.
 */
@ApplicationScoped
public class AggregateHandler implements EventHandler {

  @Inject AggregateState state;
  @Inject EventPublisher publisher;

  private final Emitter emitter = new Emitter(Function.AGGREGATE, Clock.systemUTC());

  @Override
  public Function function() {
    return Function.AGGREGATE;
  }

  @Override
  public synchronized List<CloudEvent> handle(
      EventType type, CloudEvent event, PendingWrites writes) {
    return switch (type) {
      case TRADE_ENRICHED -> {
        EnrichedTrade enriched = EventData.read(event, EnrichedTrade.class);
        if (enriched.validated() == null || enriched.stored() == null) {
          throw new MalformedEventException("data is not an enriched trade");
        }
        String tradeId = enriched.stored().tradeId();
        Optional<Contribution> current = state.contribution(tradeId);
        yield apply(event, current, AggregateCore.onEnriched(enriched, current), writes);
      }
      case TRADE_DELETED -> {
        TradeDeletion deletion = EventData.read(event, TradeDeletion.class);
        if (deletion.tradeId() == null) {
          throw new MalformedEventException("data is not a trade deletion");
        }
        Optional<Contribution> current = state.contribution(deletion.tradeId());
        yield apply(event, current, AggregateCore.onDeleted(deletion, current), writes);
      }
      default -> throw new MalformedEventException("aggregate does not take " + event.type());
    };
  }

  private List<CloudEvent> apply(
      CloudEvent cause,
      Optional<Contribution> before,
      Optional<Contribution> after,
      PendingWrites writes) {
    if (after.isEmpty()) {
      return List.of();
    }
    writes.add(state.write(after.get()));
    List<CloudEvent> updates = new ArrayList<>();
    int index = 0;
    for (AggregateKey key : AggregateCore.affected(before, after.get())) {
      Aggregate aggregate = state.counts().get(key);
      writes.add(publisher.sendRecord(Topic.AGGREGATES, key.key(), Json.write(aggregate)));
      updates.add(emitter.emit(cause, EventType.AGGREGATE_UPDATED, key.key(), index++, aggregate));
    }
    return updates;
  }
}
