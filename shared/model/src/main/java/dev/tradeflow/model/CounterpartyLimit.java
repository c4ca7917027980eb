package dev.tradeflow.model;

import java.math.BigDecimal;

/**
 * The most gross notional exposure, in the reporting currency, tradeflow may have to one
 * counterparty; keyed by {@code counterpartyId}.
 */
public record CounterpartyLimit(String counterpartyId, BigDecimal amount)
    implements ReferenceRecord {

  @Override
  public String key() {
    return counterpartyId;
  }
}
