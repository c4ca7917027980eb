package dev.tradeflow.events;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Builds the events one function emits. An emitted event's id is derived from the event that caused
 * it, so reprocessing the same input yields events with the same {@code source} + {@code id}:
 * downstream can recognise them as duplicates.
 */
public final class Emitter {

  public static final String JSON = "application/json";

  private final Function function;
  private final Clock clock;

  public Emitter(Function function, Clock clock) {
    this.function = function;
    this.clock = clock;
  }

  public Function function() {
    return function;
  }

  /** A trade's clock starts when parse takes the received message. */
  private static OffsetDateTime receivedNow(CloudEvent cause, OffsetDateTime now) {
    return EventType.of(cause.type()).filter(t -> t == EventType.TRADE_RECEIVED).isPresent()
        ? now
        : null;
  }

  /** The {@code index}-th event of {@code type} caused by {@code cause}, keyed by {@code key}. */
  public CloudEvent emit(CloudEvent cause, EventType type, String key, int index, Object payload) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime received =
        cause.receivedAt() != null ? cause.receivedAt() : receivedNow(cause, now);
    return event(cause.source(), cause.id(), received, now, type, key, index, payload);
  }

  /**
   * The {@code index}-th event of {@code type} caused by something that is not a readable event (a
   * poison record), named by where it came from ({@code causeSource}) and its id there.
   */
  public CloudEvent emitFor(
      String causeSource, String causeId, EventType type, String key, int index, Object payload) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return event(causeSource, causeId, null, now, type, key, index, payload);
  }

  private CloudEvent event(
      String causeSource,
      String causeId,
      OffsetDateTime received,
      OffsetDateTime now,
      EventType type,
      String key,
      int index,
      Object payload) {
    String seed = causeSource + '\n' + causeId + '\n' + type.type() + '\n' + index;
    String id = EventIds.derive(seed);
    return new CloudEvent(
        id, function.source(), type.type(), key, now, JSON, key, Json.write(payload), received);
  }
}
