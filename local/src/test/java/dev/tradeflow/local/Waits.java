package dev.tradeflow.local;

import java.time.Duration;

/** Polls a condition until it holds, with a deadline: every wait of the process-level tests. */
final class Waits {

  private Waits() {}

  interface Check {
    boolean holds() throws Exception;
  }

  /** Every 200 ms until {@code check} holds; fails naming {@code what} after {@code limit}. */
  static void until(String what, Check check, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (check.holds()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      FunctionProcess.sleep(200);
    }
    throw new AssertionError("not within " + limit + ": " + what, last);
  }
}
