package dev.tradeflow.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Json;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Reads an event's JSON data as the payload its type promises, or says it is malformed: where, in
 * tradeflow's words, never the JSON library's (its messages name internal classes).
 */
public final class EventData {

  private EventData() {}

  public static <T> T read(CloudEvent event, Class<T> type) {
    T payload;
    try {
      payload = Json.read(event.data(), type);
    } catch (RuntimeException e) {
      throw new MalformedEventException(
          event.type() + " data is not a " + type.getSimpleName() + where(e));
    }
    if (payload == null) {
      throw new MalformedEventException(event.type() + " has no data");
    }
    return payload;
  }

  private static String where(RuntimeException failure) {
    Throwable cause = failure instanceof UncheckedIOException io ? io.getCause() : failure;
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null
                          ? ref.getFieldName()
                          : String.valueOf(ref.getIndex()))
              .collect(Collectors.joining("/", "/", ""));
      return ": the value at " + field + " is missing or of the wrong type";
    }
    if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
      return ": not the JSON object expected (line "
          + json.getLocation().getLineNr()
          + ", column "
          + json.getLocation().getColumnNr()
          + ")";
    }
    return ": not the JSON object expected";
  }
}
