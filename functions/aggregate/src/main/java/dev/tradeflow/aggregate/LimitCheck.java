package dev.tradeflow.aggregate;

import dev.tradeflow.aggregate.AggregateOutcome.LimitCrossed.Direction;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a change of exposure crosses a limit. Over the limit means exposure greater than it. A
 * change that does not cross (a replay, a duplicate, a move that stays on one side) says nothing,
 * so a breach is announced once.
 */
public final class LimitCheck {

  private LimitCheck() {}

  public static Optional<Direction> crossing(
      BigDecimal before, BigDecimal after, BigDecimal limit) {
    boolean wasOver = before.compareTo(limit) > 0;
    boolean isOver = after.compareTo(limit) > 0;
    if (!wasOver && isOver) {
      return Optional.of(Direction.BREACHED);
    }
    if (wasOver && !isOver) {
      return Optional.of(Direction.CLEARED);
    }
    return Optional.empty();
  }
}
