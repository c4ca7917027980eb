package dev.tradeflow.model;

/**
 * Counterparty reference data, keyed by {@code id}. {@code lei} is its ISO 17442 legal entity
 * identifier, when known.
 */
public record Counterparty(String id, String name, String lei) implements ReferenceRecord {

  @Override
  public String key() {
    return id;
  }
}
