package dev.tradeflow.binding;

/**
 * Kafka did not take a state change. Sending again cannot help: the store has rolled the entry
 * back, so the input itself must be handled again (the Kafka binding does, after a back-off).
 */
public final class StateWriteException extends EventProcessingException {

  public StateWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
