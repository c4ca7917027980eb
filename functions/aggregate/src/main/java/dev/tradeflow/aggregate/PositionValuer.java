package dev.tradeflow.aggregate;

import dev.tradeflow.model.MarketPrice;
import dev.tradeflow.model.Money;
import dev.tradeflow.model.PositionView;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A position as a desk reads it, from its sums, the instrument's latest market price and its
 * currency's latest FX rate:
 *
 * <ul>
 *   <li>market value = quantity × market price × unit factor;
 *   <li>P&L = market value − cost, which is Σ signed quantity × (market price − trade price) × unit
 *       factor over the position's trades;
 *   <li>reporting-currency figures = the figure × the FX rate.
 * </ul>
 *
 * Every figure is computed exactly and rounded once ({@link Money#of}).
 */
final class PositionValuer {

  private PositionValuer() {}

  static PositionView view(
      PositionKey key,
      Optional<PositionFold.Totals> totals,
      Optional<MarketPrice> price,
      Optional<BigDecimal> fxRate,
      String reportingCurrency) {
    if (totals.isEmpty()) {
      // closed: no live trade left in it
      return new PositionView(
          key.book(),
          key.instrument(),
          null,
          BigDecimal.ZERO,
          0,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    PositionFold.Totals t = totals.get();
    Money cost = Money.of(t.cost(), t.currency());
    Money costReporting =
        fxRate.map(r -> Money.of(t.cost().multiply(r), reportingCurrency)).orElse(null);
    if (price.isEmpty()) {
      return new PositionView(
          key.book(),
          key.instrument(),
          t.currency(),
          t.quantity(),
          t.trades(),
          cost,
          costReporting,
          null,
          null,
          null,
          null,
          null);
    }
    BigDecimal marketValue = t.quantity().multiply(price.get().price()).multiply(t.unitFactor());
    BigDecimal pnl = marketValue.subtract(t.cost());
    return new PositionView(
        key.book(),
        key.instrument(),
        t.currency(),
        t.quantity(),
        t.trades(),
        cost,
        costReporting,
        price.get().price(),
        price.get().time(),
        Money.of(marketValue, t.currency()),
        Money.of(pnl, t.currency()),
        fxRate.map(r -> Money.of(pnl.multiply(r), reportingCurrency)).orElse(null));
  }
}
