package dev.tradeflow.aggregate;

import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.Holding;

/**
 * A fold over the live holdings of each trade's latest contribution: a change takes the old one out
 * ({@code sign} −1) and puts the new one in (+1). Subclasses say what a holding adds.
 */
abstract class HoldingFold {

  public final synchronized void change(Contribution before, Contribution after) {
    move(before, -1);
    move(after, +1);
  }

  private void move(Contribution contribution, int sign) {
    Holding holding = contribution == null ? null : contribution.liveHolding();
    if (holding != null) {
      apply(contribution, holding, sign);
    }
  }

  /** Called with the fold's lock held. */
  protected abstract void apply(Contribution contribution, Holding holding, int sign);
}
