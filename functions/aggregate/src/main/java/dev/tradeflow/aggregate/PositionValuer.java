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
    Optional<BigDecimal> marketValue =
        price.map(p -> t.quantity().multiply(p.price()).multiply(t.unitFactor()));
    Optional<BigDecimal> pnl = marketValue.map(v -> v.subtract(t.cost()));
    return new PositionView(
        key.book(),
        key.instrument(),
        t.currency(),
        t.quantity(),
        t.trades(),
        Money.of(t.cost(), t.currency()),
        inReporting(t.cost(), fxRate, reportingCurrency),
        price.map(MarketPrice::price).orElse(null),
        price.map(MarketPrice::time).orElse(null),
        marketValue.map(v -> Money.of(v, t.currency())).orElse(null),
        pnl.map(v -> Money.of(v, t.currency())).orElse(null),
        pnl.map(v -> inReporting(v, fxRate, reportingCurrency)).orElse(null));
  }

  private static Money inReporting(
      BigDecimal amount, Optional<BigDecimal> fxRate, String reportingCurrency) {
    return fxRate.map(r -> Money.of(amount.multiply(r), reportingCurrency)).orElse(null);
  }
}
