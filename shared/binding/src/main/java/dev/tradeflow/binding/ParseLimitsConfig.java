package dev.tradeflow.binding;

import dev.tradeflow.formats.ParseLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code tradeflow.parse.*}: the bounds on what a trade message may be, for parse and for every
 * other way in that reads a trade (validate's {@code POST /api/v1/trades}).
 */
@ConfigMapping(prefix = "tradeflow.parse")
public interface ParseLimitsConfig {

  @WithDefault("" + ParseLimits.MAX_BYTES)
  int maxBytes();

  @WithDefault("" + ParseLimits.MAX_NESTING_DEPTH)
  int maxNestingDepth();

  @WithDefault("" + ParseLimits.MAX_TRADES_PER_MESSAGE)
  int maxTradesPerMessage();

  @WithDefault("" + ParseLimits.MAX_FIELDS)
  int maxFields();

  default ParseLimits limits() {
    return new ParseLimits(maxBytes(), maxNestingDepth(), maxTradesPerMessage(), maxFields());
  }
}
