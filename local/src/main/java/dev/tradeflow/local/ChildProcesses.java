package dev.tradeflow.local;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process this JVM starts (the functions, the relay's hops, the Kafka Streams peer) goes when
 * this JVM goes, however it is stopped short of SIGKILL: SIGTERM from {@code timeout}, a CI runner
 * or {@code kill}, as well as Ctrl-C and a normal exit. Without this a benchmark stopped that way
 * left its function JVMs running, each on a core, after their broker had gone.
 */
final class ChildProcesses {

  /** How long the children get to stop on SIGTERM before they are killed. */
  static final Duration PATIENCE = Duration.ofSeconds(10);

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopAll(PATIENCE), "tradeflow-stop-children"));
  }

  private ChildProcesses() {}

  /** Starts {@code builder}'s process, to be stopped with this JVM if it is still running then. */
  static Process start(ProcessBuilder builder) throws IOException {
    Process process = builder.start();
    RUNNING.add(process);
    process.onExit().thenRun(() -> RUNNING.remove(process));
    return process;
  }

  /**
   * SIGTERM to every child still running, then SIGKILL to each one not gone within {@code patience}
   * of that.
   */
  static void stopAll(Duration patience) {
    List<Process> running = List.copyOf(RUNNING);
    running.forEach(Process::destroy);
    long deadline = System.nanoTime() + patience.toNanos();
    for (Process process : running) {
      killUnlessGone(process, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)));
    }
  }

  /**
   * Stops one process: SIGTERM, then SIGKILL if it has not gone within {@code patience} (or this
   * thread is interrupted while it waits).
   */
  static void stop(Process process, Duration patience) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    killUnlessGone(process, patience);
  }

  /** SIGKILL to a process sent SIGTERM, if it has not gone within {@code patience}. */
  private static void killUnlessGone(Process process, Duration patience) {
    try {
      if (!process.waitFor(patience.toNanos(), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
