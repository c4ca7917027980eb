package dev.tradeflow.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A latency histogram, as Prometheus scrapes it, counts the inputs within each latency target
 * exactly, at the target's own bucket bound, beside Micrometer's default buckets.
 */
class LatencyTimerTest {

  @Test
  void eachTargetIsABucketBoundCountingTheInputsWithinIt() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer timer = EventDispatcher.latency("test.latency", "a test").register(registry);
    for (long millis : new long[] {3, 9, 10, 11, 49, 50, 51, 200}) {
      timer.record(Duration.ofMillis(millis));
    }

    assertThat(registry.scrape())
        .contains("test_latency_seconds_bucket{le=\"0.01\",} 3.0")
        .contains("test_latency_seconds_bucket{le=\"0.05\",} 6.0")
        .contains("test_latency_seconds_bucket{le=\"0.009786708\",} 2.0")
        .contains("test_latency_seconds_bucket{le=\"+Inf\",} 8.0");
  }
}
