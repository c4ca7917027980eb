package dev.tradeflow.state;

import java.time.Duration;
import java.util.List;

/** Where a store's rebuild stands, for readiness checks and metrics. */
public record RebuildStatus(
    String topic,
    Phase phase,
    List<PartitionProgress> partitions,
    int entries,
    long skippedRecords,
    Duration rebuildDuration,
    String problem) {

  public enum Phase {
    /** Not started, or waiting for the topic to exist. */
    WAITING,
    /** Reading the topic up to the end offsets captured at start. */
    REBUILDING,
    /** Caught up, and following the topic live. */
    LIVE,
    CLOSED
  }

  public boolean ready() {
    return phase == Phase.LIVE;
  }

  public long recordsToGo() {
    return partitions.stream().mapToLong(p -> Math.max(0, p.endOffset() - p.position())).sum();
  }
}
