package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/**
 * What can be traded, keyed by {@code id} (an ISIN or a symbol, as trades name it). A trade's price
 * is quoted as {@code priceQuotation} says, in {@code currency}; one contract is {@code
 * contractMultiplier} units; it settles {@code settlementDays} business days after the trade date.
 */
public record Instrument(
    String id,
    AssetClass assetClass,
    String currency,
    PriceQuotation priceQuotation,
    BigDecimal contractMultiplier,
    int settlementDays)
    implements ReferenceRecord {

  @Override
  public String key() {
    return id;
  }

  /**
   * What one unit of price is worth per unit of quantity: the contract multiplier, ÷ 100 when the
   * price is a percent of par. Notional, cost and market value are all quantity × price × this.
   */
  @JsonIgnore
  public BigDecimal unitFactor() {
    return priceQuotation == PriceQuotation.PERCENT_OF_PAR
        ? contractMultiplier.divide(BigDecimal.valueOf(100))
        : contractMultiplier;
  }
}
