package dev.tradeflow.cloudevents;

import dev.tradeflow.model.FieldError;
import java.util.List;

/** The input is not a CloudEvent this function can take: answered with 400, never retried. */
public final class MalformedEventException extends RuntimeException {

  private final List<FieldError> errors;

  public MalformedEventException(String detail) {
    this(detail, List.of());
  }

  /** With each fault found in the event's data, listed in the problem answer. */
  public MalformedEventException(String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
