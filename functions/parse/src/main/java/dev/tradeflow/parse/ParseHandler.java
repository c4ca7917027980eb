package dev.tradeflow.parse;

import dev.tradeflow.binding.EventHandler;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Parse has no state: the handler is the core with its configured limits. */
@ApplicationScoped
public class ParseHandler implements EventHandler {

  private final ParseCore core;

  public ParseHandler(
      @ConfigProperty(name = "tradeflow.parse.max-bytes", defaultValue = "" + ParseLimits.MAX_BYTES)
          int maxBytes,
      @ConfigProperty(
              name = "tradeflow.parse.max-nesting-depth",
              defaultValue = "" + ParseLimits.MAX_NESTING_DEPTH)
          int depth,
      @ConfigProperty(
              name = "tradeflow.parse.max-trades-per-message",
              defaultValue = "" + ParseLimits.MAX_TRADES_PER_MESSAGE)
          int maxTrades,
      @ConfigProperty(
              name = "tradeflow.parse.max-fields",
              defaultValue = "" + ParseLimits.MAX_FIELDS)
          int maxFields) {
    this.core =
        new ParseCore(
            new Emitter(Function.PARSE, Clock.systemUTC()),
            new ParseLimits(maxBytes, depth, maxTrades, maxFields));
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
