package dev.tradeflow.cloudevents;

/** The input is not a CloudEvent this function can take: answered with 400, never retried. */
public final class MalformedEventException extends RuntimeException {

  public MalformedEventException(String detail) {
    super(detail, null, false, false);
  }
}
