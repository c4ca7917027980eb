package dev.tradeflow.aggregate;

import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.Holding;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Gross notional exposure per counterparty, in the reporting currency: the sum of the absolute
 * reporting notionals of its live trades, folded like {@link PositionFold}.
 */
public final class ExposureFold extends HoldingFold {

  private final Map<String, BigDecimal> gross = new HashMap<>();
  private final Map<String, Integer> trades = new HashMap<>();

  @Override
  protected void apply(Contribution contribution, Holding holding, int sign) {
    String cp = contribution.counterpartyId();
    BigDecimal amount = sign > 0 ? holding.exposure() : holding.exposure().negate();
    int left = trades.merge(cp, sign, Integer::sum);
    if (left == 0) {
      gross.remove(cp);
      trades.remove(cp);
    } else {
      gross.merge(cp, amount, BigDecimal::add);
    }
  }

  /** How many live valued trades the counterparty has. */
  public synchronized int trades(String counterpartyId) {
    return trades.getOrDefault(counterpartyId, 0);
  }

  /** The counterparty's gross exposure; zero when it has no live valued trade. */
  public synchronized BigDecimal of(String counterpartyId) {
    return gross.getOrDefault(counterpartyId, BigDecimal.ZERO);
  }
}
