package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.LatencyTarget;
import org.junit.jupiter.api.Test;

/** The fixed-rate benchmark's quantiles come from the difference of two scrapes. */
class LatencyHistogramTest {

  private static String scrape(long upTo5ms, long upTo10ms, long upTo50ms, long all) {
    return """
        # TYPE tradeflow_since_received_seconds histogram
        tradeflow_since_received_seconds_bucket{le="0.005"} %d
        tradeflow_since_received_seconds_bucket{le="0.01"} %d
        tradeflow_since_received_seconds_bucket{le="0.05"} %d
        tradeflow_since_received_seconds_bucket{le="+Inf"} %d
        tradeflow_since_received_seconds_count %d
        tradeflow_processing_seconds_bucket{binding="kafka",le="0.005"} 999
        """
        .formatted(upTo5ms, upTo10ms, upTo50ms, all, all);
  }

  @Test
  void quantilesOfTheInputsBetweenTwoScrapes() {
    LatencyHistogram before = LatencyHistogram.parse(scrape(10, 10, 10, 10));
    LatencyHistogram after = LatencyHistogram.parse(scrape(60, 108, 109, 110));

    LatencyHistogram these = after.minus(before);

    assertThat(these.count()).isEqualTo(100);
    assertThat(these.quantileMillis(0.5)).isEqualTo(5.0);
    assertThat(these.quantileMillis(0.51)).isEqualTo(10.0);
    assertThat(these.quantileMillis(0.99)).isEqualTo(50.0);
    assertThat(these.quantileMillis(1.0)).isInfinite();
  }

  @Test
  void latenciesMeasuredOneByOneAreCountedInTheScrapedBuckets() {
    LatencyHistogram scraped = LatencyHistogram.parse(scrape(1, 2, 3, 4));

    LatencyHistogram relay =
        LatencyHistogram.of(new long[] {5, 3, 6, 60, 10, 0, 2, 8, 9, 4}, scraped);

    assertThat(relay.count()).isEqualTo(10);
    assertThat(relay.quantileMillis(0.5)).isEqualTo(5.0);
    assertThat(relay.quantileMillis(0.6)).isEqualTo(10.0);
    assertThat(relay.quantileMillis(0.9)).isEqualTo(10.0);
    assertThat(relay.quantileMillis(1.0)).isInfinite();
    assertThat(LatencyHistogram.of(new long[0], scraped).quantileMillis(0.99)).isNaN();
  }

  @Test
  void theShareWithinATargetIsCountedAtItsBound() {
    LatencyHistogram these =
        LatencyHistogram.parse(scrape(60, 108, 109, 110))
            .minus(LatencyHistogram.parse(scrape(10, 10, 10, 10)));

    assertThat(these.shareWithin(LatencyTarget.TIGHT)).isEqualTo(0.98);
    assertThat(these.shareWithin(LatencyTarget.SUSTAINED)).isEqualTo(0.99);
    assertThat(
            LatencyHistogram.of(new long[] {9, 10, 11, 50, 51}, these)
                .shareWithin(LatencyTarget.TIGHT))
        .isEqualTo(0.4);
  }

  @Test
  void aHistogramWithoutTheTargetsBoundHasNoShareWithinIt() {
    LatencyHistogram noTenMs =
        LatencyHistogram.parse(
            "tradeflow_since_received_seconds_bucket{le=\"0.0098\"} 5\n"
                + "tradeflow_since_received_seconds_bucket{le=\"+Inf\"} 5\n");

    assertThat(noTenMs.shareWithin(LatencyTarget.TIGHT)).isNaN();
    assertThat(LatencyHistogram.parse("").shareWithin(LatencyTarget.TIGHT)).isNaN();
  }

  @Test
  void nothingMeasuredIsNotANumber() {
    assertThat(LatencyHistogram.parse("").quantileMillis(0.5)).isNaN();
  }
}
