package dev.tradeflow.formats;

/**
 * Bounds on what parse will read, so no input can exhaust it.
 *
 * @param maxBytes the largest message, in bytes
 * @param maxNestingDepth the deepest JSON or XML nesting
 * @param maxTradesPerMessage the most trades one JSON array or XML {@code <trades>} may hold
 * @param maxFields the most FIX fields in a message, or XML elements and attributes in a document
 */
public record ParseLimits(
    int maxBytes, int maxNestingDepth, int maxTradesPerMessage, int maxFields) {

  // The defaults, as constants so that configuration defaults can name them too.
  public static final int MAX_BYTES = 64 * 1024;
  public static final int MAX_NESTING_DEPTH = 16;
  public static final int MAX_TRADES_PER_MESSAGE = 10_000;
  public static final int MAX_FIELDS = 4_096;

  public static final ParseLimits DEFAULTS =
      new ParseLimits(MAX_BYTES, MAX_NESTING_DEPTH, MAX_TRADES_PER_MESSAGE, MAX_FIELDS);
}
