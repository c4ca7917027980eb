package dev.tradeflow.binding;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Function;
import java.util.List;

/**
 * What a function app provides: its pure core plus its state, behind one call. Each app has exactly
 * one. The HTTP endpoint and the Kafka consumer both call it, so the two bindings cannot drift.
 *
 * <p>Inputs are handed over one at a time, in order. A handler applies its state changes at once
 * (the next input sees them) and adds their Kafka writes to {@code writes}; the binding waits for
 * them all before it sends the returned events and acknowledges the input.
 */
public interface EventHandler {

  Function function();

  List<CloudEvent> handle(CloudEvent event, PendingWrites writes);
}
