package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.StructuredCloudEvents;
import dev.tradeflow.events.CloudEvent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * A function's CloudEvents endpoint, as a Knative Trigger calls it: {@code POST /} in binary or
 * structured mode. The answer follows Knative's contract:
 *
 * <ul>
 *   <li>one emitted event (a business rejection included): 200 with it as the reply event;
 *   <li>several (an array of trades, an expiry sweep): each sent to its topic, then 202;
 *   <li>none: 204;
 *   <li>a broken or misrouted event: 400 with problem JSON, so the broker does not retry it;
 *   <li>state still rebuilding, or the circuit breaker on Kafka writes open: 503, so the broker
 *       retries later; Kafka failing to take the writes: 500 or 503, so the broker retries.
 * </ul>
 */
@Path("/")
public class CloudEventResource {

  @Inject EventDispatcher dispatcher;
  @Inject KafkaWrites kafka;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.WILDCARD)
  public Response receive(@Context HttpHeaders headers, byte[] body) {
    CloudEvent event = HttpCloudEvents.decode(headers, body == null ? new byte[0] : body);
    boolean structured =
        StructuredCloudEvents.isStructured(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    dispatcher.awaitState(false);
    PendingWrites writes = dispatcher.newWrites();
    List<CloudEvent> emitted = dispatcher.handle(event, "http", writes);
    // one event is the reply, which the broker delivers; several are sent to Kafka here
    kafka.await(writes, emitted.size() > 1 ? emitted : List.of());
    if (emitted.isEmpty()) {
      return Response.noContent().build();
    }
    if (emitted.size() == 1) {
      return HttpCloudEvents.reply(emitted.get(0), structured);
    }
    List<Map<String, String>> sent =
        emitted.stream()
            .map(
                e -> Map.of("id", e.id(), "type", e.type(), "subject", String.valueOf(e.subject())))
            .toList();
    return Response.accepted(Map.of("published", sent)).type(MediaType.APPLICATION_JSON).build();
  }
}
