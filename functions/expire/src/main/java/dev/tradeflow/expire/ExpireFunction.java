package dev.tradeflow.expire;

import dev.tradeflow.binding.CloudEventFunction;
import dev.tradeflow.binding.JsonData;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventMapping;
import jakarta.inject.Inject;

/**
 * The expire function as Funqy serves it at {@code POST /}: every CloudEvent type reaches it
 * ({@code trigger = "*"}), and the dispatcher answers a type expire does not take with 400. The
 * data arrives as the bytes sent, whatever the content type; the reply is the emitted event.
 */
public class ExpireFunction {

  @Inject CloudEventFunction function;

  @Funq("expire")
  @CloudEventMapping(trigger = "*")
  public CloudEvent<JsonData> expire(CloudEvent<byte[]> event) {
    return function.apply(event);
  }
}
