package dev.tradeflow.cloudevents;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The checks every binding applies to CloudEvent context attributes. */
public final class CloudEventAttributes {

  private CloudEventAttributes() {}

  public static void require(String specVersion, String id, String source, String type) {
    List<String> missing = new ArrayList<>();
    if (blank(specVersion)) {
      missing.add("specversion");
    }
    if (blank(id)) {
      missing.add("id");
    }
    if (blank(source)) {
      missing.add("source");
    }
    if (blank(type)) {
      missing.add("type");
    }
    if (!missing.isEmpty()) {
      throw new MalformedEventException(
          "missing required CloudEvent attribute(s): " + String.join(", ", missing));
    }
    if (!"1.0".equals(specVersion)) {
      throw new MalformedEventException(
          "unsupported specversion '" + specVersion + "': tradeflow reads CloudEvents 1.0");
    }
  }

  public static OffsetDateTime time(CharSequence text) {
    if (text == null) {
      return null;
    }
    try {
      return Rfc3339.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("attribute 'time' is not an RFC 3339 timestamp: " + text);
    }
  }

  /**
   * A time attribute as RFC 3339: always with seconds, and with a fraction only when there is one
   * ({@code 2026-11-21T09:30:00Z}). {@code OffsetDateTime.toString()} drops zero seconds.
   */
  public static String format(OffsetDateTime time) {
    return time == null ? null : Rfc3339.format(time);
  }

  public static boolean isJson(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase();
    return type.startsWith("application/json") || type.contains("+json");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
