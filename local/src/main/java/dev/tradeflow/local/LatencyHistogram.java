package dev.tradeflow.local;

import dev.tradeflow.events.LatencyTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A function's cumulative Prometheus histogram of {@code tradeflow_since_received_seconds}, as
 * scraped from {@code /q/metrics}: upper bound in seconds → inputs at or under it.
 */
record LatencyHistogram(TreeMap<Double, Long> buckets) {

  private static final String SERIES = "tradeflow_since_received_seconds_bucket{";

  static LatencyHistogram scrape(FunctionProcess function) {
    return parse(function.get("/q/metrics").body());
  }

  static LatencyHistogram parse(String metrics) {
    TreeMap<Double, Long> buckets = new TreeMap<>();
    for (String line : metrics.lines().toList()) {
      if (!line.startsWith(SERIES)) {
        continue;
      }
      int le = line.indexOf("le=\"") + 4;
      String bound = line.substring(le, line.indexOf('"', le));
      double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
      long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      buckets.merge(upper, count, Long::sum);
    }
    return new LatencyHistogram(buckets);
  }

  /**
   * Latencies measured one by one (milliseconds), counted in the same buckets as {@code like}, so
   * that their quantiles read as {@link #quantileMillis} reads a scraped histogram's.
   */
  static LatencyHistogram of(long[] millis, LatencyHistogram like) {
    TreeMap<Double, Long> buckets = new TreeMap<>();
    for (double upper : like.buckets.keySet()) {
      buckets.put(upper, Arrays.stream(millis).filter(ms -> ms / 1000.0 <= upper).count());
    }
    buckets.put(Double.POSITIVE_INFINITY, (long) millis.length);
    return new LatencyHistogram(buckets);
  }

  /** Inputs counted in all. */
  long count() {
    return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
  }

  /** The inputs counted since {@code earlier}. */
  LatencyHistogram minus(LatencyHistogram earlier) {
    TreeMap<Double, Long> since = new TreeMap<>();
    buckets.forEach((bound, n) -> since.put(bound, n - earlier.buckets.getOrDefault(bound, 0L)));
    return new LatencyHistogram(since);
  }

  /**
   * The share of inputs within {@code target}'s bound, counted exactly at that bucket bound (every
   * function's latency histogram has one, {@link LatencyTarget}); NaN if there is nothing, or no
   * such bound.
   */
  double shareWithin(LatencyTarget target) {
    Long within = buckets.get(target.bound().toNanos() / 1e9);
    return within == null ? Double.NaN : (double) within / count();
  }

  /**
   * The upper bound, in milliseconds, of the bucket holding the {@code q} quantile; NaN if there is
   * nothing, infinite if it is past the last bound.
   */
  double quantileMillis(double q) {
    long total = count();
    if (total == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    List<Double> bounds = new ArrayList<>(buckets.keySet());
    for (Double bound : bounds) {
      if (buckets.get(bound) >= rank) {
        return bound * 1000;
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
