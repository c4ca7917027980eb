package dev.tradeflow.local;

import java.time.Duration;
import java.util.Map;

/**
 * One pipeline's result in the benchmark: its rate end to end, its latency quantiles, and the CPU
 * its own processes spent over the run ({@link ProcessCpu}), in all and by kind of thread (empty
 * where the OS does not tell).
 */
record PipelineRun(
    String name,
    int trades,
    double seconds,
    double p50Millis,
    double p99Millis,
    Duration cpu,
    Map<ProcessCpu.Kind, Duration> cpuByKind) {

  /** A run whose processes spent {@code spent} in all and {@code byKind} by thread. */
  static PipelineRun of(
      String name,
      int trades,
      double seconds,
      double p50Millis,
      double p99Millis,
      Map<String, Duration> spent,
      Map<String, Map<ProcessCpu.Kind, Duration>> byKind) {
    return new PipelineRun(
        name,
        trades,
        seconds,
        p50Millis,
        p99Millis,
        ProcessCpu.total(spent),
        ProcessCpu.sum(byKind));
  }

  double rate() {
    return trades / seconds;
  }

  /** The pipeline's processes' CPU time per trade, in microseconds. */
  double cpuMicrosPerTrade() {
    return cpu.toNanos() / 1000.0 / trades;
  }

  /** CPU time per trade of one kind of thread, in microseconds; NaN if not known. */
  double cpuMicrosPerTrade(ProcessCpu.Kind kind) {
    Duration spent = cpuByKind.get(kind);
    return spent == null ? Double.NaN : spent.toNanos() / 1000.0 / trades;
  }

  String row() {
    return "| %s | %,d | %.1f s | **%,.0f/s** | %.0f ms | %.0f ms | %,.0f µs | %,.0f µs | %,.0f µs |"
        .formatted(
            name,
            trades,
            seconds,
            rate(),
            p50Millis,
            p99Millis,
            cpuMicrosPerTrade(),
            cpuMicrosPerTrade(ProcessCpu.Kind.JIT),
            cpuMicrosPerTrade(ProcessCpu.Kind.GC));
  }
}
