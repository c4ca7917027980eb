package dev.tradeflow.model;

import java.math.BigDecimal;

/**
 * How much one unit of {@code currency} is worth in the reporting currency ({@code
 * tradeflow.reporting-currency}), keyed by {@code currency}. The reporting currency itself needs no
 * rate: it converts at 1.
 */
public record FxRate(String currency, BigDecimal rate) implements ReferenceRecord {

  @Override
  public String key() {
    return currency;
  }
}
