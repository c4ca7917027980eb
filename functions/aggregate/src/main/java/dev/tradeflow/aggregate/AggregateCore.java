package dev.tradeflow.aggregate;

import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.EnrichedTrade;
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
            status));
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
            Contribution.Status.REMOVED));
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

  private static boolean isStale(long revision, Optional<Contribution> current) {
    return current.isPresent() && current.get().revision() >= revision;
  }
}
