package dev.tradeflow.binding;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Function;
import java.util.List;

/**
 * What a function app provides: its pure core plus its state writes, behind one call. Each app has
 * exactly one. The HTTP endpoint and the Kafka consumer both call it, so the two bindings cannot
 * drift. When {@link #handle} returns, every state change it made has been acknowledged by Kafka;
 * the events it returns are not yet sent.
 */
public interface EventHandler {

  Function function();

  List<CloudEvent> handle(CloudEvent event);
}
