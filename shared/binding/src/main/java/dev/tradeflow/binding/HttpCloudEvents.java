package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.CloudEventAttributes;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.cloudevents.StructuredCloudEvents;
import java.util.function.UnaryOperator;

/**
 * The HTTP protocol binding of CloudEvents 1.0 as tradeflow reads it, used to say why Funqy refused
 * a request before the function ran: a structured body that is not a JSON object, a missing
 * attribute, a batch, a bad time.
 */
final class HttpCloudEvents {

  static final String BATCH_MEDIA_TYPE = "application/cloudevents-batch+json";

  private HttpCloudEvents() {}

  /** What is wrong with the request as a CloudEvent, or null if tradeflow sees nothing wrong. */
  static String fault(String contentType, UnaryOperator<String> header, byte[] body) {
    if (contentType != null && contentType.toLowerCase().startsWith(BATCH_MEDIA_TYPE)) {
      return "batched CloudEvents are not accepted: send one event";
    }
    try {
      if (StructuredCloudEvents.isStructured(contentType)) {
        StructuredCloudEvents.decode(body);
      } else {
        CloudEventAttributes.require(
            header.apply("ce-specversion"),
            header.apply("ce-id"),
            header.apply("ce-source"),
            header.apply("ce-type"));
        CloudEventAttributes.time(header.apply("ce-time"));
      }
      return null;
    } catch (MalformedEventException e) {
      return e.getMessage();
    }
  }
}
