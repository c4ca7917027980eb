package dev.tradeflow.binding;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import java.util.List;

/**
 * What a function app provides: its pure core plus its state, behind one call. Each app has exactly
 * one. Every binding reaches it through {@link EventDispatcher#run}, so they cannot drift.
 *
 * <p>Inputs are handed over one at a time, in order, with their type already resolved and checked
 * against what the function consumes. A handler applies its state changes at once (the next input
 * sees them) and adds their Kafka writes to {@code writes}; the unit of work waits for them all
 * before it sends the returned events and the binding acknowledges the input.
 */
public interface EventHandler {

  Function function();

  List<CloudEvent> handle(EventType type, CloudEvent event, PendingWrites writes);
}
