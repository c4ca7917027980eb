package dev.tradeflow.parse;

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

  public static final ParseLimits DEFAULTS = new ParseLimits(64 * 1024, 16, 10_000, 4_096);
}
