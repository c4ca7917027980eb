package dev.tradeflow.model;

import java.math.BigDecimal;

/**
 * What one live trade with economics adds to its book's position in an instrument and to its
 * counterparty's exposure. Kept exact (no rounding) so that taking it out again is exact.
 *
 * @param instrument the instrument id
 * @param currency the instrument's currency, the one its price is quoted in
 * @param quantity the signed quantity: positive bought, negative sold
 * @param unitFactor what one unit of price is worth per unit of quantity: the contract multiplier,
 *     ÷ 100 for a price quoted as a percent of par
 * @param cost quantity × trade price × unit factor, in the instrument's currency (signed)
 * @param exposure the trade's notional in the reporting currency (never negative)
 */
public record Holding(
    String instrument,
    String currency,
    BigDecimal quantity,
    BigDecimal unitFactor,
    BigDecimal cost,
    BigDecimal exposure) {

  public Holding {
    instrument = Canonical.of(instrument);
    currency = Canonical.of(currency);
  }

  /** The holding of an enriched trade, if it was valued. */
  public static Holding of(EnrichedTrade enriched) {
    Valuation v = enriched.valuation();
    if (v == null) {
      return null;
    }
    Instrument instrument = v.instrument();
    BigDecimal factor = instrument.unitFactor();
    BigDecimal price = enriched.stored().trade().economics().price();
    return new Holding(
        instrument.id(),
        instrument.currency(),
        v.signedQuantity(),
        factor,
        v.signedQuantity().multiply(price).multiply(factor),
        v.reportingNotional().amount().abs());
  }
}
