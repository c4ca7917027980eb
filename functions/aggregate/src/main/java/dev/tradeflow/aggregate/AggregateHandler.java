package dev.tradeflow.aggregate;

import dev.tradeflow.binding.EventData;
import dev.tradeflow.binding.EventHandler;
import dev.tradeflow.binding.EventPublisher;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.cloudevents.KafkaCloudEvents;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.formats.TradeIds;
import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.LimitCrossing;
import dev.tradeflow.model.MarketPrice;
import dev.tradeflow.model.Money;
import dev.tradeflow.model.TradeDeletion;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Aggregate's glue. Under one lock per instance: {@link AggregateCore} decides, this applies the
 * outcome to the state (counts, positions and exposures follow at once) and emits what moved: the
 * positions and a limit breach or clearance at once, the aggregates once per unit of work. The
 * writes go to {@code writes}; the binding waits.
 */
@ApplicationScoped
public class AggregateHandler implements EventHandler {

  @Inject AggregateState state;
  @Inject EventPublisher publisher;

  private static final Logger LOG = Logger.getLogger(AggregateHandler.class);

  private final Emitter emitter = new Emitter(Function.AGGREGATE, Clock.systemUTC());

  /** The source named as the cause of an aggregate announced again for another instance's move. */
  static final String PEERS = "/tradeflow/aggregate/peers";

  private final ScheduledExecutorService peers =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("aggregate-peers").factory());

  @PostConstruct
  void init() {
    peers.scheduleWithFixedDelay(
        () -> {
          try {
            announceMovedByPeers();
          } catch (RuntimeException e) {
            LOG.errorf(e, "could not announce the aggregates other instances moved");
          }
        },
        250,
        250,
        TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void close() {
    peers.shutdownNow();
  }

  /**
   * With several instances, each writes an aggregate as it sees it, and sees its peer's
   * contributions only once it has read them: so the last record of a book could miss them. Every
   * 250 ms, each aggregate that peers' contributions moved is written and announced again, as this
   * instance sees it now (under the handler's lock, so in order with its own announcements). The
   * event's id is derived from the aggregate and its counts, so the same value announced twice has
   * one id. If Kafka does not take it, it is tried again at the next turn.
   */
  synchronized void announceMovedByPeers() {
    for (AggregateKey key : state.takeMovedByPeers()) {
      Aggregate aggregate = state.counts().get(key);
      CloudEvent event =
          emitter.emitFor(
              PEERS,
              key.key() + '@' + aggregate.liveTrades() + '/' + aggregate.expiredTrades(),
              EventType.AGGREGATE_UPDATED,
              key.key(),
              0,
              aggregate);
      CompletableFuture.allOf(
              write(key, aggregate), publisher.sendRecord(KafkaCloudEvents.toRecord(event)))
          .whenComplete(
              (ok, refused) -> {
                if (refused != null) {
                  state.movedByPeers(key);
                }
              });
    }
  }

  @Override
  public Function function() {
    return Function.AGGREGATE;
  }

  @Override
  public synchronized List<CloudEvent> handle(
      EventType type, CloudEvent event, PendingWrites writes) {
    AggregateOutcome outcome =
        switch (type) {
          case TRADE_ENRICHED -> AggregateCore.onEnriched(enriched(event), state);
          case TRADE_DELETED -> AggregateCore.onDeleted(deletion(event), state);
          case PRICE_UPDATED -> AggregateCore.onPrice(price(event), state);
          default -> throw new MalformedEventException("aggregate does not take " + event.type());
        };
    return switch (outcome) {
      case AggregateOutcome.Unchanged unchanged -> List.of();
      case AggregateOutcome.ContributionChanged changed -> applied(event, changed, writes);
      case AggregateOutcome.Remarked remarked -> remarked(event, remarked, writes);
    };
  }

  /**
   * Writes the contribution (counts, positions and exposures follow), then says what moved. Each
   * moved aggregate is written, and announced, once per unit of work ({@link
   * PendingWrites#oncePerUnit}): a poll batch of 500 trades in one book writes that book once, with
   * its count after the batch. Its event keeps the id it would have had from the last trade of the
   * unit that moved it.
   */
  private List<CloudEvent> applied(
      CloudEvent cause, AggregateOutcome.ContributionChanged changed, PendingWrites writes) {
    writes.add(state.write(changed.contribution()));
    List<CloudEvent> out = new ArrayList<>();
    int index = 0;
    for (AggregateKey key : changed.aggregates()) {
      int at = index++;
      writes.oncePerUnit(key, unit -> updated(cause, key, at, unit));
    }
    for (PositionKey key : changed.positions()) {
      out.add(position(cause, key, index++));
    }
    String currency = state.reportingCurrency();
    for (AggregateOutcome.LimitCrossed crossed : changed.limits()) {
      EventType type =
          switch (crossed.direction()) {
            case BREACHED -> EventType.LIMIT_BREACHED;
            case CLEARED -> EventType.LIMIT_CLEARED;
          };
      LimitCrossing payload =
          new LimitCrossing(
              crossed.counterpartyId(),
              Money.of(crossed.limit(), currency),
              Money.of(crossed.exposure(), currency),
              crossed.tradeId());
      out.add(emitter.emit(cause, type, crossed.counterpartyId(), index++, payload));
    }
    return out;
  }

  /** The aggregate as it stands now, to its compacted topic and as an event. */
  private synchronized List<CloudEvent> updated(
      CloudEvent cause, AggregateKey key, int index, PendingWrites writes) {
    Aggregate aggregate = state.counts().get(key);
    writes.add(write(key, aggregate));
    return List.of(emitter.emit(cause, EventType.AGGREGATE_UPDATED, key.key(), index, aggregate));
  }

  /** The aggregate to its compacted topic; completes once Kafka has it. */
  private CompletableFuture<Void> write(AggregateKey key, Aggregate aggregate) {
    return publisher.sendRecord(Topic.AGGREGATES, key.key(), Json.write(aggregate));
  }

  private List<CloudEvent> remarked(
      CloudEvent cause, AggregateOutcome.Remarked remarked, PendingWrites writes) {
    writes.add(state.write(remarked.price()));
    List<CloudEvent> out = new ArrayList<>();
    for (PositionKey key : remarked.positions()) {
      out.add(position(cause, key, out.size()));
    }
    return out;
  }

  private CloudEvent position(CloudEvent cause, PositionKey key, int index) {
    return emitter.emit(cause, EventType.POSITION_UPDATED, key.key(), index, state.position(key));
  }

  private static EnrichedTrade enriched(CloudEvent event) {
    EnrichedTrade enriched = EventData.read(event, EnrichedTrade.class);
    if (enriched.validated() == null || enriched.stored() == null) {
      throw new MalformedEventException("data is not an enriched trade");
    }
    return enriched;
  }

  private static TradeDeletion deletion(CloudEvent event) {
    TradeDeletion deletion = EventData.read(event, TradeDeletion.class);
    if (deletion.tradeId() == null) {
      throw new MalformedEventException("data is not a trade deletion");
    }
    return deletion;
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
