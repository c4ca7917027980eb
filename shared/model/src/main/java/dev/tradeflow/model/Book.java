package dev.tradeflow.model;

/** Trading book reference data, keyed by {@code id}. */
public record Book(String id, String name, String desk) implements ReferenceRecord {

  @Override
  public String key() {
    return id;
  }
}
