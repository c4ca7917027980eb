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
import dev.tradeflow.formats.TradeIds;
import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.LimitCrossing;
import dev.tradeflow.model.MarketPrice;
import dev.tradeflow.model.Money;
import dev.tradeflow.model.TradeDeletion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregate's glue. Under one lock per instance: decide the trade's contribution, apply it (counts,
 * positions and exposures follow at once), then emit what moved: the aggregates, the positions, and
 * a limit breach or clearance when a counterparty's exposure crossed its limit. A market price
 * re-marks every position in its instrument. The writes go to {@code writes}; the binding waits.
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
      case PRICE_UPDATED -> mark(event, price(event), writes);
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
    Map<String, BigDecimal> exposureBefore = new LinkedHashMap<>();
    for (String cp : AggregateCore.affectedCounterparties(before, after.get())) {
      exposureBefore.put(cp, state.exposures().of(cp));
    }
    writes.add(state.write(after.get()));
    List<CloudEvent> out = new ArrayList<>();
    for (AggregateKey key : AggregateCore.affected(before, after.get())) {
      Aggregate aggregate = state.counts().get(key);
      writes.add(publisher.sendRecord(Topic.AGGREGATES, key.key(), Json.write(aggregate)));
      out.add(emitter.emit(cause, EventType.AGGREGATE_UPDATED, key.key(), out.size(), aggregate));
    }
    for (PositionKey key : AggregateCore.affectedPositions(before, after.get())) {
      out.add(position(cause, key, out.size()));
    }
    String tradeId = after.get().tradeId();
    exposureBefore.forEach(
        (cp, was) -> limitCrossing(cause, cp, was, tradeId, out.size()).ifPresent(out::add));
    return out;
  }

  private Optional<CloudEvent> limitCrossing(
      CloudEvent cause, String cp, BigDecimal before, String tradeId, int index) {
    Optional<BigDecimal> limit = state.limit(cp);
    if (limit.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal now = state.exposures().of(cp);
    String currency = state.reportingCurrency();
    return LimitCheck.crossing(before, now, limit.get())
        .map(
            type ->
                emitter.emit(
                    cause,
                    type,
                    cp,
                    index,
                    new LimitCrossing(
                        cp, Money.of(limit.get(), currency), Money.of(now, currency), tradeId)));
  }

  /** A newer price re-marks every position in its instrument; an older or equal one is ignored. */
  private List<CloudEvent> mark(CloudEvent cause, MarketPrice price, PendingWrites writes) {
    if (!AggregateCore.isNewer(price, state.price(price.instrument()))) {
      return List.of();
    }
    writes.add(state.write(price));
    List<CloudEvent> out = new ArrayList<>();
    for (PositionKey key : state.positions().keys(k -> k.instrument().equals(price.instrument()))) {
      out.add(position(cause, key, out.size()));
    }
    return out;
  }

  private CloudEvent position(CloudEvent cause, PositionKey key, int index) {
    return emitter.emit(cause, EventType.POSITION_UPDATED, key.key(), index, state.position(key));
  }

  private static MarketPrice price(CloudEvent event) {
    MarketPrice price = EventData.read(event, MarketPrice.class);
    if (!TradeIds.isId(price.instrument())) {
      throw new MalformedEventException("a price needs an instrument id: " + TradeIds.ID_RULE);
    }
    if (price.price() == null || price.price().signum() <= 0) {
      throw new MalformedEventException("a price needs a price greater than zero");
    }
    if (price.time() == null) {
      throw new MalformedEventException(
          "a price needs its time (RFC 3339), so an older one cannot replace a newer");
    }
    return price;
  }
}
