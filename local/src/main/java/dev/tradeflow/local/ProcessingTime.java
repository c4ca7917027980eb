package dev.tradeflow.local;

/**
 * A function's total time spent handling inputs from its Kafka binding, and how many, as scraped
 * from {@code tradeflow_processing_seconds_sum} and {@code _count} on {@code /q/metrics}. Both are
 * cumulative, so the difference of two scrapes covers exactly the inputs in between: unlike the
 * published percentiles, whose window also holds a warm-up's inputs.
 */
record ProcessingTime(double seconds, long inputs) {

  private static final String SUM = "tradeflow_processing_seconds_sum{";
  private static final String COUNT = "tradeflow_processing_seconds_count{";
  private static final String KAFKA = "binding=\"kafka\"";

  static ProcessingTime parse(String metrics) {
    double seconds = 0;
    long inputs = 0;
    for (String line : metrics.lines().toList()) {
      if (!line.contains(KAFKA)) {
        continue;
      }
      if (line.startsWith(SUM)) {
        seconds += value(line);
      } else if (line.startsWith(COUNT)) {
        inputs += (long) value(line);
      }
    }
    return new ProcessingTime(seconds, inputs);
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  /** Both counted together: several instances of one function. */
  ProcessingTime plus(ProcessingTime other) {
    return new ProcessingTime(seconds + other.seconds, inputs + other.inputs);
  }

  /** The inputs handled since {@code earlier}, and the time they took. */
  ProcessingTime minus(ProcessingTime earlier) {
    return new ProcessingTime(seconds - earlier.seconds, inputs - earlier.inputs);
  }

  /** The mean time per input, in microseconds; NaN if there was none. */
  double meanMicros() {
    return inputs == 0 ? Double.NaN : seconds * 1_000_000 / inputs;
  }
}
