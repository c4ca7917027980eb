package dev.tradeflow.aggregate;

import dev.tradeflow.aggregate.AggregateOutcome.ContributionChanged;
import dev.tradeflow.aggregate.AggregateOutcome.LimitCrossed;
import dev.tradeflow.aggregate.AggregateOutcome.Remarked;
import dev.tradeflow.aggregate.AggregateOutcome.Unchanged;
import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.Holding;
import dev.tradeflow.model.MarketPrice;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.TradeDeletion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what each input does to the aggregates. A change is applied only if its store revision is
 * newer than the one the trade's contribution came from, and a price only if it is newer than the
 * held one: a duplicate, a replay or a late older change leaves everything as it is. The decision
 * names what moves (counts, positions, limits crossed); the handler applies it and emits.
 */
public final class AggregateCore {

  private static final Unchanged UNCHANGED = new Unchanged();

  private AggregateCore() {}

  public static AggregateOutcome onEnriched(EnrichedTrade enriched, AggregateView view) {
    StoredTrade stored = enriched.stored();
    Optional<Contribution> current = view.contribution(stored.tradeId());
    if (isStale(stored.revision(), current)) {
      return UNCHANGED;
    }
    Contribution.Status status =
        stored.trade().expired() ? Contribution.Status.EXPIRED : Contribution.Status.LIVE;
    Contribution next =
        new Contribution(
            stored.tradeId(),
            stored.revision(),
            stored.trade().bookId(),
            stored.trade().counterpartyId(),
            status,
            Holding.of(enriched));
    return changed(current, next, view);
  }

  public static AggregateOutcome onDeleted(TradeDeletion deletion, AggregateView view) {
    Optional<Contribution> current = view.contribution(deletion.tradeId());
    if (isStale(deletion.revision(), current)) {
      return UNCHANGED;
    }
    Contribution removed =
        new Contribution(
            deletion.tradeId(),
            deletion.revision(),
            current.map(Contribution::bookId).orElse(null),
            current.map(Contribution::counterpartyId).orElse(null),
            Contribution.Status.REMOVED,
            current.map(Contribution::holding).orElse(null));
    return changed(current, removed, view);
  }

  /** A price replaces the held one only if it is newer, and then re-marks its instrument. */
  public static AggregateOutcome onPrice(MarketPrice price, AggregateView view) {
    Optional<MarketPrice> held = view.price(price.instrument());
    if (held.isPresent() && !held.get().time().isBefore(price.time())) {
      return UNCHANGED;
    }
    return new Remarked(price, view.positionsIn(price.instrument()));
  }

  private static ContributionChanged changed(
      Optional<Contribution> before, Contribution after, AggregateView view) {
    return new ContributionChanged(
        after,
        affected(before, after),
        affectedPositions(before, after),
        limitsCrossed(before, after, view));
  }

  /** The books and counterparties whose counts a change of contribution moves. */
  static Set<AggregateKey> affected(Optional<Contribution> before, Contribution after) {
    Set<AggregateKey> keys = new LinkedHashSet<>();
    before.filter(Contribution::counts).ifPresent(c -> keys.addAll(AggregateKey.of(c)));
    if (after.counts()) {
      keys.addAll(AggregateKey.of(after));
    }
    return keys;
  }

  /** The positions a change of contribution moves: those of the old and the new live holding. */
  private static Set<PositionKey> affectedPositions(
      Optional<Contribution> before, Contribution after) {
    Set<PositionKey> keys = new LinkedHashSet<>();
    before.ifPresent(c -> addPosition(keys, c));
    addPosition(keys, after);
    return keys;
  }

  private static void addPosition(Set<PositionKey> keys, Contribution c) {
    if (c.liveHolding() != null) {
      keys.add(new PositionKey(c.bookId(), c.liveHolding().instrument()));
    }
  }

  /**
   * The limits the change crosses: each counterparty's exposure now, and as it will be once the old
   * live holding is taken out and the new one put in, compared with its limit.
   */
  private static List<LimitCrossed> limitsCrossed(
      Optional<Contribution> before, Contribution after, AggregateView view) {
    Set<String> counterparties = new LinkedHashSet<>();
    before
        .filter(c -> c.liveHolding() != null)
        .ifPresent(c -> counterparties.add(c.counterpartyId()));
    if (after.liveHolding() != null) {
      counterparties.add(after.counterpartyId());
    }
    List<LimitCrossed> crossed = new ArrayList<>();
    for (String cp : counterparties) {
      Optional<BigDecimal> limit = view.limit(cp);
      if (limit.isEmpty()) {
        continue;
      }
      BigDecimal now = view.exposure(cp);
      BigDecimal next =
          now.subtract(exposureOf(before.orElse(null), cp)).add(exposureOf(after, cp));
      LimitCheck.crossing(now, next, limit.get())
          .ifPresent(
              direction ->
                  crossed.add(new LimitCrossed(cp, direction, limit.get(), next, after.tradeId())));
    }
    return crossed;
  }

  private static BigDecimal exposureOf(Contribution contribution, String counterpartyId) {
    return contribution != null
            && contribution.liveHolding() != null
            && contribution.counterpartyId().equals(counterpartyId)
        ? contribution.liveHolding().exposure()
        : BigDecimal.ZERO;
  }

  private static boolean isStale(long revision, Optional<Contribution> current) {
    return current.isPresent() && current.get().revision() >= revision;
  }
}
