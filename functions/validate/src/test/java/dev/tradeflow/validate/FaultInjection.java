package dev.tradeflow.validate;

import dev.tradeflow.binding.EventHandler;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Tests only: makes the handler fail on events whose subject starts with {@value #PREFIX}, as a
 * fault in tradeflow would, to show what the bindings do with an input the function fails on. Every
 * other event goes to the real handler untouched.
 */
@Decorator
@Priority(1)
public abstract class FaultInjection implements EventHandler {

  static final String PREFIX = "FAULT-";

  @Inject @Delegate EventHandler handler;

  @Override
  public Function function() {
    return handler.function();
  }

  @Override
  public List<CloudEvent> handle(EventType type, CloudEvent event, PendingWrites writes) {
    if (event.subject() != null && event.subject().startsWith(PREFIX)) {
      throw new IllegalStateException("injected fault for " + event.subject());
    }
    return handler.handle(type, event, writes);
  }
}
