package dev.tradeflow.binding;

/** A REST request tradeflow will not act on, with the reason to answer (400) in its message. */
public class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String message) {
    super(message);
  }
}
