package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.CloudEventAttributes;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Json;
import io.quarkus.funqy.knative.events.CloudEventBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Between Funqy's CloudEvent and tradeflow's: the attribute checks Funqy leaves to the function,
 * the two extensions tradeflow carries ({@code partitionkey}, {@code tradeflowreceived}), and the
 * data as the bytes that were sent.
 */
final class FunqyEvents {

  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private FunqyEvents() {}

  /**
   * The event Funqy read from the request. {@code structured} says the request was in structured
   * mode, where Funqy hands over {@code data} re-serialised as JSON: a string comes with its
   * quotes.
   */
  static CloudEvent fromFunqy(
      io.quarkus.funqy.knative.events.CloudEvent<byte[]> in, boolean structured) {
    CloudEventAttributes.require(in.specVersion(), in.id(), in.source(), in.type());
    Map<String, String> extensions = in.extensions();
    return new CloudEvent(
        in.id(),
        in.source(),
        in.type(),
        in.subject(),
        time(in),
        in.dataContentType(),
        extensions.get("partitionkey"),
        data(in, structured),
        CloudEventAttributes.time(extensions.get(CloudEvent.RECEIVED_AT)));
  }

  /** The reply: tradeflow's event with its own id, so a reprocessed input's reply is the same. */
  static io.quarkus.funqy.knative.events.CloudEvent<JsonData> toFunqy(CloudEvent out) {
    if (!CloudEventAttributes.isJson(out.dataContentType())) {
      throw new IllegalStateException("a reply's data must be JSON, not " + out.dataContentType());
    }
    Map<String, String> extensions = new LinkedHashMap<>();
    if (out.partitionKey() != null) {
      extensions.put("partitionkey", out.partitionKey());
    }
    if (out.receivedAt() != null) {
      extensions.put(CloudEvent.RECEIVED_AT, CloudEventAttributes.format(out.receivedAt()));
    }
    return CloudEventBuilder.create()
        .specVersion(CloudEvent.SPEC_VERSION)
        .id(out.id())
        .source(out.source())
        .type(out.type())
        .subject(out.subject())
        .time(out.time())
        .extensions(extensions)
        .build(new JsonData(out.data()));
  }

  private static OffsetDateTime time(io.quarkus.funqy.knative.events.CloudEvent<byte[]> in) {
    try {
      return in.time();
    } catch (RuntimeException e) {
      throw new MalformedEventException("attribute 'time' is not an RFC 3339 timestamp");
    }
  }

  private static byte[] data(
      io.quarkus.funqy.knative.events.CloudEvent<byte[]> in, boolean structured) {
    byte[] data;
    try {
      data = in.data();
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("data_base64 is not valid base64");
    } catch (RuntimeException e) {
      throw new MalformedEventException("the event's data cannot be read: " + e.getMessage());
    }
    if (data == null || (structured && Arrays.equals(data, JSON_NULL))) {
      return new byte[0];
    }
    if (structured
        && data.length > 0
        && data[0] == '"'
        && !CloudEventAttributes.isJson(in.dataContentType())) {
      try {
        return Json.mapper().readValue(data, String.class).getBytes(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new MalformedEventException("the event's data is not a readable JSON string");
      }
    }
    return data;
  }
}
