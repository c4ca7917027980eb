package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The benchmark's mean time per input covers only the inputs between two scrapes. */
class ProcessingTimeTest {

  private static String scrape(double kafkaSeconds, long kafkaInputs) {
    return """
        # TYPE tradeflow_processing_seconds summary
        tradeflow_processing_seconds{binding="kafka",function="validate",quantile="0.5"} 0.007
        tradeflow_processing_seconds_count{binding="kafka",function="validate"} %d
        tradeflow_processing_seconds_sum{binding="kafka",function="validate"} %s
        tradeflow_processing_seconds_count{binding="http",function="validate"} 7
        tradeflow_processing_seconds_sum{binding="http",function="validate"} 3.5
        tradeflow_since_received_seconds_sum{function="validate"} 99.0
        """
        .formatted(kafkaInputs, kafkaSeconds);
  }

  @Test
  void theMeanOfTheInputsBetweenTwoScrapesOnly() {
    ProcessingTime warmedUp = ProcessingTime.parse(scrape(0.5, 1_000));
    ProcessingTime after = ProcessingTime.parse(scrape(0.8, 61_000));

    ProcessingTime run = after.minus(warmedUp);

    assertThat(run.inputs()).isEqualTo(60_000);
    assertThat(run.meanMicros()).isCloseTo(5.0, within(1e-9));
    // over both, the warm-up's slow inputs would have counted too
    assertThat(after.meanMicros()).isCloseTo(0.8e6 / 61_000, within(1e-9));
  }

  @Test
  void otherBindingsAndSeriesAreNotCounted() {
    ProcessingTime kafka = ProcessingTime.parse(scrape(2.0, 4));

    assertThat(kafka.inputs()).isEqualTo(4);
    assertThat(kafka.seconds()).isEqualTo(2.0);
  }

  @Test
  void instancesOfOneFunctionAddUp() {
    ProcessingTime both =
        ProcessingTime.parse(scrape(0.3, 100)).plus(ProcessingTime.parse(scrape(0.1, 60)));

    assertThat(both.inputs()).isEqualTo(160);
    assertThat(both.meanMicros()).isCloseTo(2_500.0, within(1e-9));
  }

  @Test
  void noInputIsNotANumber() {
    assertThat(ProcessingTime.parse("").meanMicros()).isNaN();
    assertThat(ProcessingTime.parse(scrape(1, 3)).minus(ProcessingTime.parse(scrape(1, 3))))
        .extracting(ProcessingTime::meanMicros)
        .isEqualTo(Double.NaN);
  }
}
