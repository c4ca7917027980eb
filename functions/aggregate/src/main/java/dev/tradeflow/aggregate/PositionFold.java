package dev.tradeflow.aggregate;

import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.Holding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Positions per book and instrument, folded over each trade's latest contribution: a change takes
 * the old live holding out and puts the new one in, exactly (no rounding), so a replaced version, a
 * cancel, a deletion or an expiry leaves the sums as if the trade had always been as it is now.
 */
public final class PositionFold extends HoldingFold {

  /** The sums of one position; {@code unitFactor} and {@code currency} are its instrument's. */
  public record Totals(
      String currency, BigDecimal unitFactor, BigDecimal quantity, BigDecimal cost, int trades) {

    Totals plus(Holding h, int sign) {
      BigDecimal q = sign > 0 ? h.quantity() : h.quantity().negate();
      BigDecimal c = sign > 0 ? h.cost() : h.cost().negate();
      return new Totals(h.currency(), h.unitFactor(), quantity.add(q), cost.add(c), trades + sign);
    }
  }

  private final Map<PositionKey, Totals> positions = new HashMap<>();

  @Override
  protected void apply(Contribution contribution, Holding holding, int sign) {
    PositionKey key = new PositionKey(contribution.bookId(), holding.instrument());
    Totals start =
        positions.getOrDefault(
            key,
            new Totals(
                holding.currency(), holding.unitFactor(), BigDecimal.ZERO, BigDecimal.ZERO, 0));
    Totals next = start.plus(holding, sign);
    if (next.trades() == 0) {
      positions.remove(key);
    } else {
      positions.put(key, next);
    }
  }

  public synchronized Optional<Totals> get(PositionKey key) {
    return Optional.ofNullable(positions.get(key));
  }

  /** The positions held in {@code instrument}, by book. */
  public Set<PositionKey> inInstrument(String instrument) {
    return new LinkedHashSet<>(keys(k -> k.instrument().equals(instrument)));
  }

  /** The keys of the positions that match, by book then instrument. */
  public synchronized List<PositionKey> keys(Predicate<PositionKey> filter) {
    List<PositionKey> keys = new ArrayList<>();
    for (PositionKey key : positions.keySet()) {
      if (filter.test(key)) {
        keys.add(key);
      }
    }
    keys.sort(Comparator.comparing(PositionKey::book).thenComparing(PositionKey::instrument));
    return keys;
  }
}
