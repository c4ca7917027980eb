package dev.tradeflow.binding;

/** The function is still rebuilding its state: answered with 503, so the sender retries. */
public final class NotReadyException extends RuntimeException {

  public NotReadyException(String detail) {
    super(detail, null, false, false);
  }
}
