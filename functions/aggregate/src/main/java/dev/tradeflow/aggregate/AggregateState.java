package dev.tradeflow.aggregate;

import dev.tradeflow.binding.ReportingCurrency;
import dev.tradeflow.binding.StateCodecs;
import dev.tradeflow.binding.StateStores;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.CounterpartyLimit;
import dev.tradeflow.model.FxRate;
import dev.tradeflow.model.MarketPrice;
import dev.tradeflow.model.PositionView;
import dev.tradeflow.state.CompactedTopicStore;
import dev.tradeflow.state.StoreListener;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each trade's latest contribution, rebuilt from and written through its compacted topic, and what
 * is derived from them: the counts, the positions and the exposures. They follow every change the
 * store applies (rebuild, own writes, other instances' writes), so they are always the sums of the
 * contributions. Market prices are aggregate's own compacted topic; FX rates and limits are read
 * from enrich's reference-data topics.
 */
@ApplicationScoped
public class AggregateState implements AggregateView {

  @Inject StateStores stores;
  @Inject ReportingCurrency reporting;

  private final AggregateCounts counts = new AggregateCounts();
  private final PositionFold positions = new PositionFold();
  private final ExposureFold exposures = new ExposureFold();
  private final Set<AggregateKey> movedByPeers = ConcurrentHashMap.newKeySet();
  private CompactedTopicStore<Contribution> contributions;
  private CompactedTopicStore<MarketPrice> prices;
  private CompactedTopicStore<FxRate> fxRates;
  private CompactedTopicStore<CounterpartyLimit> limits;

  void onStart(@Observes StartupEvent start) {
    StoreListener<Contribution> derive =
        (key, before, after) -> {
          counts.change(before, after);
          positions.change(before, after);
          exposures.change(before, after);
        };
    contributions =
        stores.open(
            Topic.AGGREGATE_CONTRIBUTIONS, StateCodecs.json(Contribution.class), List.of(derive));
    contributions.addFollowedListener(
        (key, before, after) -> {
          if (before != null) {
            movedByPeers.addAll(AggregateKey.of(before));
          }
          if (after != null) {
            movedByPeers.addAll(AggregateKey.of(after));
          }
        });
    prices = stores.open(Topic.PRICES, StateCodecs.json(MarketPrice.class));
    fxRates = stores.open(Topic.FX_RATES, StateCodecs.json(FxRate.class));
    limits = stores.open(Topic.LIMITS, StateCodecs.json(CounterpartyLimit.class));
  }

  @Override
  public Optional<Contribution> contribution(String tradeId) {
    return contributions.get(tradeId);
  }

  /**
   * The aggregates that contributions written by another instance moved since the last call, each
   * once: this instance's view of them has changed without an input of its own.
   */
  public List<AggregateKey> takeMovedByPeers() {
    List<AggregateKey> taken = new ArrayList<>();
    for (Iterator<AggregateKey> it = movedByPeers.iterator(); it.hasNext(); ) {
      taken.add(it.next());
      it.remove();
    }
    return taken;
  }

  /** Puts {@code key} back, to be taken again (its announcement did not reach Kafka). */
  public void movedByPeers(AggregateKey key) {
    movedByPeers.add(key);
  }

  /** Applies the contribution (everything derived follows at once) and sends it. */
  public CompletableFuture<Long> write(Contribution contribution) {
    return contributions.put(contribution.tradeId(), contribution);
  }

  @Override
  public Optional<MarketPrice> price(String instrument) {
    return prices.get(instrument);
  }

  public CompletableFuture<Long> write(MarketPrice price) {
    return prices.put(price.instrument(), price);
  }

  @Override
  public BigDecimal exposure(String counterpartyId) {
    return exposures.of(counterpartyId);
  }

  @Override
  public Set<PositionKey> positionsIn(String instrument) {
    return positions.inInstrument(instrument);
  }

  @Override
  public Optional<BigDecimal> limit(String counterpartyId) {
    return limits.get(counterpartyId).map(CounterpartyLimit::amount);
  }

  /** What one unit of {@code currency} is worth in the reporting currency, if known. */
  public Optional<BigDecimal> fxRate(String currency) {
    return currency.equals(reporting.code())
        ? Optional.of(BigDecimal.ONE)
        : fxRates.get(currency).map(FxRate::rate);
  }

  public String reportingCurrency() {
    return reporting.code();
  }

  public AggregateCounts counts() {
    return counts;
  }

  public PositionFold positions() {
    return positions;
  }

  public ExposureFold exposures() {
    return exposures;
  }

  /** The position as a desk reads it, with the latest price and FX rate. */
  public PositionView position(PositionKey key) {
    Optional<PositionFold.Totals> totals = positions.get(key);
    return PositionValuer.view(
        key,
        totals,
        price(key.instrument()),
        totals.flatMap(t -> fxRate(t.currency())),
        reporting.code());
  }
}
