package dev.tradeflow.model;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each of the values trades repeat: counterparty, book and instrument ids,
 * currencies and dates. A function keeps a record per trade in its state (validate's store,
 * aggregate's contributions); without this each record holds its own copies of the same few strings
 * and dates, and each young collection copies them again until they are tenured. Bounded: past its
 * limit a value is kept as given, so input full of new ids cannot grow it without end.
 */
final class Canonical {

  /** The records' values: at most this many distinct ones (a few MB at worst). */
  static final int LIMIT = 65_536;

  private static final Canonical SHARED = new Canonical(LIMIT);

  private final int limit;
  private final ConcurrentHashMap<Object, Object> values = new ConcurrentHashMap<>();

  Canonical(int limit) {
    this.limit = limit;
  }

  /** The one shared instance equal to {@code value}, or null for null. */
  static <T> T of(T value) {
    return SHARED.keep(value);
  }

  /** The instance kept equal to {@code value} (it, the first time), or null for null. */
  @SuppressWarnings("unchecked")
  <T> T keep(T value) {
    if (value == null) {
      return null;
    }
    Object known = values.get(value);
    if (known != null) {
      return (T) known;
    }
    if (values.size() >= limit) {
      return value;
    }
    Object raced = values.putIfAbsent(value, value);
    return raced == null ? value : (T) raced;
  }

  /** How many distinct values are kept now. */
  int size() {
    return values.size();
  }
}
