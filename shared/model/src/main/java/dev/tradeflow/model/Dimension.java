package dev.tradeflow.model;

/** What an aggregate groups trades by. */
public enum Dimension {
  BOOK,
  COUNTERPARTY;

  public String key(String id) {
    return name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }
}
