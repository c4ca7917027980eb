package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.LatencyTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rates the fixed-rate benchmark reports as keeping p99 within each target. */
class FixedRateBenchmarkTest {

  private static final LatencyHistogram BUCKETS =
      LatencyHistogram.parse(
          """
          tradeflow_since_received_seconds_bucket{le="0.01"} 0
          tradeflow_since_received_seconds_bucket{le="0.05"} 0
          tradeflow_since_received_seconds_bucket{le="+Inf"} 0
          """);

  /** 100 trades at {@code rate}: {@code over10} of them over 10 ms, {@code over50} over 50 ms. */
  private static FixedRateBenchmark.RateRun run(int rate, int over10, int over50) {
    long[] millis = new long[100];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = i < over50 ? 60 : i < over10 ? 20 : 5;
    }
    LatencyHistogram endToEnd = LatencyHistogram.of(millis, BUCKETS);
    return new FixedRateBenchmark.RateRun(rate, 100, 0.5, List.of(endToEnd), "");
  }

  @Test
  void p99WithinATargetMeansAtLeast99PercentAtOrUnderItsBound() {
    assertThat(run(1000, 1, 0).p99Within(LatencyTarget.TIGHT)).isTrue();
    assertThat(run(1000, 2, 0).p99Within(LatencyTarget.TIGHT)).isFalse();
    assertThat(run(1000, 2, 1).p99Within(LatencyTarget.SUSTAINED)).isTrue();
    assertThat(run(1000, 3, 2).p99Within(LatencyTarget.SUSTAINED)).isFalse();
  }

  @Test
  void theHighestRateWithinATargetIsTheFastestThatKeptIt() {
    List<FixedRateBenchmark.RateRun> runs =
        List.of(run(200, 0, 0), run(1000, 5, 0), run(2000, 9, 1), run(3000, 40, 30));

    assertThat(FixedRateBenchmark.highestRateWithin(LatencyTarget.TIGHT, runs)).contains(200);
    assertThat(FixedRateBenchmark.highestRateWithin(LatencyTarget.SUSTAINED, runs)).contains(2000);
    assertThat(FixedRateBenchmark.highestRateWithin(LatencyTarget.TIGHT, runs.subList(1, 4)))
        .isEmpty();
  }

  @Test
  void aRowShowsTheShareWithinEachTarget() {
    assertThat(run(1000, 3, 1).row()).contains("| 97.00 % | 99.00 % | 50 % |");
  }
}
