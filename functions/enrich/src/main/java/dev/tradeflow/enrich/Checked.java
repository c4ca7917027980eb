package dev.tradeflow.enrich;

import dev.tradeflow.model.RejectReason;

/** What a step of enrich decided: the value it made, or why the trade is refused. */
public sealed interface Checked<T> {

  record Ok<T>(T value) implements Checked<T> {}

  record Refused<T>(RejectReason reason, String message, String location) implements Checked<T> {}

  static <T> Checked<T> refused(RejectReason reason, String message, String location) {
    return new Refused<>(reason, message, location);
  }
}
