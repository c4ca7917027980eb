package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.CloudEventAttributes;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.cloudevents.StructuredCloudEvents;
import dev.tradeflow.events.CloudEvent;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The HTTP protocol binding of CloudEvents 1.0: binary and structured content modes. */
public final class HttpCloudEvents {

  private HttpCloudEvents() {}

  public static CloudEvent decode(HttpHeaders headers, byte[] body) {
    String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (contentType != null
        && contentType.toLowerCase().startsWith("application/cloudevents-batch+json")) {
      throw new MalformedEventException("batched CloudEvents are not accepted: send one event");
    }
    if (StructuredCloudEvents.isStructured(contentType)) {
      return StructuredCloudEvents.decode(body);
    }
    String specVersion = headers.getHeaderString("ce-specversion");
    String id = headers.getHeaderString("ce-id");
    String source = headers.getHeaderString("ce-source");
    String type = headers.getHeaderString("ce-type");
    CloudEventAttributes.require(specVersion, id, source, type);
    return new CloudEvent(
        id,
        source,
        type,
        headers.getHeaderString("ce-subject"),
        CloudEventAttributes.time(headers.getHeaderString("ce-time")),
        contentType,
        headers.getHeaderString("ce-partitionkey"),
        body,
        CloudEventAttributes.time(headers.getHeaderString("ce-" + CloudEvent.RECEIVED_AT)));
  }

  /** The reply, in the content mode the request used. */
  public static Response reply(CloudEvent event, boolean structured) {
    if (structured) {
      return Response.ok(StructuredCloudEvents.encode(event), StructuredCloudEvents.MEDIA_TYPE)
          .build();
    }
    Response.ResponseBuilder response =
        Response.ok(event.data())
            .header("ce-specversion", CloudEvent.SPEC_VERSION)
            .header("ce-id", event.id())
            .header("ce-source", event.source())
            .header("ce-type", event.type());
    if (event.subject() != null) {
      response.header("ce-subject", event.subject());
    }
    if (event.time() != null) {
      response.header("ce-time", event.time().toString());
    }
    if (event.partitionKey() != null) {
      response.header("ce-partitionkey", event.partitionKey());
    }
    if (event.receivedAt() != null) {
      response.header("ce-" + CloudEvent.RECEIVED_AT, event.receivedAt().toString());
    }
    if (event.dataContentType() != null) {
      response.type(event.dataContentType());
    }
    return response.build();
  }
}
