package dev.tradeflow.parse;

import dev.tradeflow.binding.EventHandler;
import dev.tradeflow.binding.ParseLimitsConfig;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Parse has no state: the handler is the core with its configured limits. */
@ApplicationScoped
public class ParseHandler implements EventHandler {

  private final ParseCore core;

  public ParseHandler(ParseLimitsConfig limits) {
    this.core = new ParseCore(new Emitter(Function.PARSE, Clock.systemUTC()), limits.limits());
  }

  @Override
  public Function function() {
    return Function.PARSE;
  }

  @Override
  public List<CloudEvent> handle(EventType type, CloudEvent event, PendingWrites writes) {
    return core.parse(event);
  }
}
