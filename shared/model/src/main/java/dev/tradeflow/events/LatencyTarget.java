package dev.tradeflow.events;

import java.time.Duration;
import java.util.Arrays;

/**
 * The latencies a trade's way through tradeflow is held to: {@link #TIGHT}, p99 within 10 ms at
 * 1,000 trades a second, and {@link #SUSTAINED}, the highest rate whose p99 stays within 50 ms.
 * Every latency histogram a function publishes has a bucket bound at each, so the share of inputs
 * within a target is counted exactly, not read off the nearest of Micrometer's default buckets.
 */
public enum LatencyTarget {
  TIGHT(Duration.ofMillis(10)),
  SUSTAINED(Duration.ofMillis(50));

  private final Duration bound;

  LatencyTarget(Duration bound) {
    this.bound = bound;
  }

  public Duration bound() {
    return bound;
  }

  /** Every target's bound, for a histogram's buckets. */
  public static Duration[] bounds() {
    return Arrays.stream(values()).map(LatencyTarget::bound).toArray(Duration[]::new);
  }
}
