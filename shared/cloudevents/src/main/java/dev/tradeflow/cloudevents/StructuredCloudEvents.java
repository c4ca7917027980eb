package dev.tradeflow.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeflow.events.CloudEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The JSON event format of CloudEvents 1.0 ({@code application/cloudevents+json}). */
public final class StructuredCloudEvents {

  public static final String MEDIA_TYPE = "application/cloudevents+json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StructuredCloudEvents() {}

  public static boolean isStructured(String contentType) {
    return contentType != null && contentType.toLowerCase().startsWith(MEDIA_TYPE);
  }

  public static CloudEvent decode(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new MalformedEventException(
          "structured CloudEvent is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedEventException("structured CloudEvent must be a JSON object");
    }
    String specVersion = text(root, "specversion");
    String id = text(root, "id");
    String source = text(root, "source");
    String type = text(root, "type");
    String contentType = optional(root, "datacontenttype");
    CloudEventAttributes.require(specVersion, id, source, type);
    return new CloudEvent(
        id,
        source,
        type,
        optional(root, "subject"),
        CloudEventAttributes.time(optional(root, "time")),
        contentType,
        optional(root, "partitionkey"),
        data(root, contentType),
        CloudEventAttributes.time(optional(root, CloudEvent.RECEIVED_AT)));
  }

  private static byte[] data(JsonNode root, String contentType) {
    JsonNode base64 = root.get("data_base64");
    JsonNode data = root.get("data");
    if (base64 != null && data != null) {
      throw new MalformedEventException("a CloudEvent may carry data or data_base64, not both");
    }
    if (base64 != null) {
      if (!base64.isTextual()) {
        throw new MalformedEventException("data_base64 must be a string");
      }
      try {
        return Base64.getDecoder().decode(base64.asText());
      } catch (IllegalArgumentException e) {
        throw new MalformedEventException("data_base64 is not valid base64");
      }
    }
    if (data == null || data.isNull()) {
      return new byte[0];
    }
    if (data.isTextual() && !CloudEventAttributes.isJson(contentType)) {
      return data.asText().getBytes(StandardCharsets.UTF_8);
    }
    return data.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] encode(CloudEvent event) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("specversion", CloudEvent.SPEC_VERSION);
    root.put("id", event.id());
    root.put("source", event.source());
    root.put("type", event.type());
    putIfPresent(root, "subject", event.subject());
    putIfPresent(root, "time", CloudEventAttributes.format(event.time()));
    putIfPresent(root, "datacontenttype", event.dataContentType());
    putIfPresent(root, "partitionkey", event.partitionKey());
    putIfPresent(root, CloudEvent.RECEIVED_AT, CloudEventAttributes.format(event.receivedAt()));
    if (event.data().length > 0) {
      if (CloudEventAttributes.isJson(event.dataContentType())) {
        try {
          root.set("data", MAPPER.readTree(event.data()));
        } catch (IOException notJsonAfterAll) {
          root.put("data_base64", Base64.getEncoder().encodeToString(event.data()));
        }
      } else {
        root.put("data_base64", Base64.getEncoder().encodeToString(event.data()));
      }
    }
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putIfPresent(ObjectNode root, String name, String value) {
    if (value != null) {
      root.put(name, value);
    }
  }

  private static String text(JsonNode root, String name) {
    JsonNode value = root.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new MalformedEventException("attribute '" + name + "' must be a string");
    }
    return value.asText();
  }

  private static String optional(JsonNode root, String name) {
    return text(root, name);
  }
}
