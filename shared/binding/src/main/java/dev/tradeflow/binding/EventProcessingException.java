package dev.tradeflow.binding;

/** Processing could not complete (Kafka unreachable, say): 500, so the sender retries. */
public class EventProcessingException extends RuntimeException {

  public EventProcessingException(String message, Throwable cause) {
    super(message, cause);
  }
}
