package dev.tradeflow.model;

/** A validated trade with its reference data, carried by {@code tradeflow.trade.enriched}. */
public record EnrichedTrade(ValidatedTrade validated, Counterparty counterparty, Book book) {

  public StoredTrade stored() {
    return validated.stored();
  }
}
