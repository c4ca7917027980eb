package dev.tradeflow.aggregate;

import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.Holding;
import dev.tradeflow.model.MarketPrice;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.TradeDeletion;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides each trade's contribution to the aggregates. A change is applied only if its store
 * revision is newer than the one the trade's contribution came from: a duplicate, a replay or a
 * late older change leaves everything as it is.
 */
public final class AggregateCore {

  private AggregateCore() {}

  public static Optional<Contribution> onEnriched(
      EnrichedTrade enriched, Optional<Contribution> current) {
    StoredTrade stored = enriched.stored();
    if (isStale(stored.revision(), current)) {
      return Optional.empty();
    }
    Contribution.Status status =
        stored.trade().expired() ? Contribution.Status.EXPIRED : Contribution.Status.LIVE;
    return Optional.of(
        new Contribution(
            stored.tradeId(),
            stored.revision(),
            stored.trade().bookId(),
            stored.trade().counterpartyId(),
            status,
            Holding.of(enriched)));
  }

  public static Optional<Contribution> onDeleted(
      TradeDeletion deletion, Optional<Contribution> current) {
    if (isStale(deletion.revision(), current)) {
      return Optional.empty();
    }
    return Optional.of(
        new Contribution(
            deletion.tradeId(),
            deletion.revision(),
            current.map(Contribution::bookId).orElse(null),
            current.map(Contribution::counterpartyId).orElse(null),
            Contribution.Status.REMOVED,
            current.map(Contribution::holding).orElse(null)));
  }

  /** The books and counterparties whose counts a change of contribution moves. */
  public static Set<AggregateKey> affected(Optional<Contribution> before, Contribution after) {
    Set<AggregateKey> keys = new LinkedHashSet<>();
    before.filter(Contribution::counts).ifPresent(c -> keys.addAll(AggregateKey.of(c)));
    if (after.counts()) {
      keys.addAll(AggregateKey.of(after));
    }
    return keys;
  }

  /** The positions a change of contribution moves: those of the old and the new live holding. */
  public static Set<PositionKey> affectedPositions(
      Optional<Contribution> before, Contribution after) {
    Set<PositionKey> keys = new LinkedHashSet<>();
    before.ifPresent(c -> addPosition(keys, c));
    addPosition(keys, after);
    return keys;
  }

  /** The counterparties whose exposure a change of contribution may move. */
  public static Set<String> affectedCounterparties(
      Optional<Contribution> before, Contribution after) {
    Set<String> ids = new LinkedHashSet<>();
    before.filter(c -> c.liveHolding() != null).ifPresent(c -> ids.add(c.counterpartyId()));
    if (after.liveHolding() != null) {
      ids.add(after.counterpartyId());
    }
    return ids;
  }

  private static void addPosition(Set<PositionKey> keys, Contribution c) {
    if (c.liveHolding() != null) {
      keys.add(new PositionKey(c.bookId(), c.liveHolding().instrument()));
    }
  }

  /**
   * A price replaces the held one only if it is newer: a replayed or late price changes nothing.
   */
  public static boolean isNewer(MarketPrice price, Optional<MarketPrice> held) {
    return held.isEmpty() || held.get().time().isBefore(price.time());
  }

  private static boolean isStale(long revision, Optional<Contribution> current) {
    return current.isPresent() && current.get().revision() >= revision;
  }
}
