package dev.tradeflow.local;

/** One pipeline's result in the benchmark: its rate end to end and its latency quantiles. */
record PipelineRun(String name, int trades, double seconds, double p50Millis, double p99Millis) {

  double rate() {
    return trades / seconds;
  }

  String row() {
    return "| %s | %,d | %.1f s | **%,.0f/s** | %.0f ms | %.0f ms |"
        .formatted(name, trades, seconds, rate(), p50Millis, p99Millis);
  }
}
