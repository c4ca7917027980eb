package dev.tradeflow.validate;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the store's revisions: strictly increasing, and ahead of the wall clock in
 * microseconds, so they keep increasing across restarts even when the latest revision was a
 * deletion that the compacted topic no longer shows.
 */
public final class Revisions {

  private final Clock wallClock;
  private final AtomicLong last = new AtomicLong();

  public Revisions(Clock wallClock) {
    this.wallClock = wallClock;
  }

  public long next() {
    long now = wallClock.millis() * 1000;
    return last.updateAndGet(previous -> Math.max(previous + 1, now));
  }

  /** Called for every revision seen in the store, so the next one is higher. */
  public void observe(long revision) {
    last.accumulateAndGet(revision, Math::max);
  }
}
