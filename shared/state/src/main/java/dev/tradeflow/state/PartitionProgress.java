package dev.tradeflow.state;

/** How far the rebuild of one partition has come: {@code position} of {@code endOffset}. */
public record PartitionProgress(int partition, long position, long endOffset) {

  public boolean caughtUp() {
    return position >= endOffset;
  }
}
