package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.StructuredCloudEvents;
import dev.tradeflow.events.CloudEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The body of every app's {@code @Funq} method: Funqy has read the CloudEvent (binary or structured
 * mode) and will write the reply in the same mode; this checks what Funqy leaves to the function,
 * runs the input as one unit of work, and picks the reply.
 *
 * <ul>
 *   <li>one event emitted (a business rejection included): it is the reply (200), and the broker
 *       delivers it;
 *   <li>several (an array of trades, an expiry sweep): each is sent to its topic here, and the
 *       answer is an empty 202 ({@link CloudEventRoutes});
 *   <li>none: 204.
 * </ul>
 */
@ApplicationScoped
public class CloudEventFunction {

  @Inject EventDispatcher dispatcher;
  @Inject CurrentVertxRequest request;

  public io.quarkus.funqy.knative.events.CloudEvent<JsonData> apply(
      io.quarkus.funqy.knative.events.CloudEvent<byte[]> input) {
    RoutingContext http = request.getCurrent();
    http.put(CloudEventRoutes.FUNCTION_RAN, Boolean.TRUE);
    boolean structured =
        StructuredCloudEvents.isStructured(http.request().getHeader("Content-Type"));
    CloudEvent event = FunqyEvents.fromFunqy(input, structured);
    List<CloudEvent> emitted =
        dispatcher.run(
            Binding.HTTP,
            unit -> {
              List<CloudEvent> out = new java.util.ArrayList<>(unit.handle(event));
              out.addAll(unit.endOfInputs());
              if (out.size() > 1) {
                unit.publish(out);
              }
              return out;
            });
    if (emitted.size() > 1) {
      http.put(CloudEventRoutes.SENT_TO_KAFKA, emitted.size());
      return null;
    }
    return emitted.isEmpty() ? null : FunqyEvents.toFunqy(emitted.get(0));
  }
}
