package dev.tradeflow.binding;

/**
 * How an input reached the function. Every binding takes the same unit of work ({@link
 * EventDispatcher#run}); they differ only in how long they wait for state, and in the {@code
 * binding} tag of the metrics.
 */
public enum Binding {
  /** A CloudEvent over HTTP, as a Knative Trigger delivers it to the Funqy function. */
  HTTP("http", false),
  /** A poll batch of the function's Kafka input topics. */
  KAFKA("kafka", true),
  /** The function's own schedule (expire's cron). */
  SCHEDULE("schedule", false),
  /** The function's REST API ({@code /api/v1/...}). */
  REST("rest", false);

  private final String tag;
  private final boolean patient;

  Binding(String tag, boolean patient) {
    this.tag = tag;
    this.patient = patient;
  }

  /** The value of the {@code binding} tag on the metrics. */
  public String tag() {
    return tag;
  }

  /**
   * True if an input waits for state however long it takes (a Kafka record is held); false if it
   * waits briefly and is answered 503 (the caller retries).
   */
  public boolean patient() {
    return patient;
  }
}
