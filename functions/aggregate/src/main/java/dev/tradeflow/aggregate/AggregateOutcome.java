package dev.tradeflow.aggregate;

import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.MarketPrice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What aggregate's core decided for one input. The handler applies it to the state and turns it
 * into events; the core neither writes nor emits.
 */
public sealed interface AggregateOutcome {

  /** A duplicate, a replay, a late older change or an older price: nothing moves. */
  record Unchanged() implements AggregateOutcome {}

  /**
   * The trade's contribution changes: these counts and positions move, and these limits are
   * crossed.
   */
  record ContributionChanged(
      Contribution contribution,
      Set<AggregateKey> aggregates,
      Set<PositionKey> positions,
      List<LimitCrossed> limits)
      implements AggregateOutcome {}

  /** A newer market price re-marks these positions. */
  record Remarked(MarketPrice price, Set<PositionKey> positions) implements AggregateOutcome {}

  /** A counterparty's gross exposure crossing its limit, with the trade whose change crossed it. */
  record LimitCrossed(
      String counterpartyId,
      Direction direction,
      BigDecimal limit,
      BigDecimal exposure,
      String tradeId) {

    public enum Direction {
      /** From within the limit to over it. */
      BREACHED,
      /** From over the limit back within it. */
      CLEARED
    }
  }
}
