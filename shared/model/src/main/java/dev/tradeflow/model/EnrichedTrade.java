package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A validated trade with its reference data, carried by {@code tradeflow.trade.enriched}. {@code
 * valuation} is there when the trade has economics (FIX, FpML, and JSON that carries them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrichedTrade(
    ValidatedTrade validated, Counterparty counterparty, Book book, Valuation valuation) {

  public StoredTrade stored() {
    return validated.stored();
  }
}
