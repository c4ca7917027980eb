package dev.tradeflow.parse;

/** Bounds on what parse will read, so no input can exhaust it. */
public record ParseLimits(int maxBytes, int maxNestingDepth, int maxTradesPerMessage) {

  public static final ParseLimits DEFAULTS = new ParseLimits(64 * 1024, 16, 10_000);
}
