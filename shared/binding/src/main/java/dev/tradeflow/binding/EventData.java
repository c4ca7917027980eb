package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Json;

/** Reads an event's JSON data as the payload its type promises, or says it is malformed. */
public final class EventData {

  private EventData() {}

  public static <T> T read(CloudEvent event, Class<T> type) {
    T payload;
    try {
      payload = Json.read(event.data(), type);
    } catch (RuntimeException e) {
      throw new MalformedEventException(
          event.type() + " data is not a " + type.getSimpleName() + ": " + e.getMessage());
    }
    if (payload == null) {
      throw new MalformedEventException(event.type() + " has no data");
    }
    return payload;
  }
}
