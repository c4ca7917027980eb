package dev.tradeflow.aggregate;

import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.MarketPrice;
import dev.tradeflow.model.TradeDeletion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Aggregate's state as plain maps and the real folds, applying {@link AggregateCore}'s outcomes as
 * the handler does, with no broker: the core's tests run on it. The limits crossed are recorded.
 */
final class InMemoryAggregate implements AggregateView {

  final Map<String, Contribution> contributions = new HashMap<>();
  final AggregateCounts counts = new AggregateCounts();
  final PositionFold positions = new PositionFold();
  final ExposureFold exposures = new ExposureFold();
  final Map<String, MarketPrice> prices = new HashMap<>();
  final Map<String, BigDecimal> limits = new HashMap<>();
  final List<AggregateOutcome.LimitCrossed> crossings = new ArrayList<>();

  AggregateOutcome deliver(EnrichedTrade enriched) {
    return apply(AggregateCore.onEnriched(enriched, this));
  }

  AggregateOutcome deliver(TradeDeletion deletion) {
    return apply(AggregateCore.onDeleted(deletion, this));
  }

  AggregateOutcome deliver(MarketPrice price) {
    return apply(AggregateCore.onPrice(price, this));
  }

  private AggregateOutcome apply(AggregateOutcome outcome) {
    switch (outcome) {
      case AggregateOutcome.Unchanged u -> {}
      case AggregateOutcome.ContributionChanged changed -> {
        Contribution c = changed.contribution();
        Contribution before = contributions.put(c.tradeId(), c);
        counts.change(before, c);
        positions.change(before, c);
        exposures.change(before, c);
        crossings.addAll(changed.limits());
      }
      case AggregateOutcome.Remarked remarked ->
          prices.put(remarked.price().instrument(), remarked.price());
    }
    return outcome;
  }

  @Override
  public Optional<Contribution> contribution(String tradeId) {
    return Optional.ofNullable(contributions.get(tradeId));
  }

  @Override
  public BigDecimal exposure(String counterpartyId) {
    return exposures.of(counterpartyId);
  }

  @Override
  public Optional<BigDecimal> limit(String counterpartyId) {
    return Optional.ofNullable(limits.get(counterpartyId));
  }

  @Override
  public Optional<MarketPrice> price(String instrument) {
    return Optional.ofNullable(prices.get(instrument));
  }

  @Override
  public Set<PositionKey> positionsIn(String instrument) {
    return positions.inInstrument(instrument);
  }
}
