package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.broker.LocalKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The throughput benchmark's load: a warm-up that is carried but never measured. */
class BenchLoadTest {

  @Test
  void aLoadNeedsMeasuredTradesAndNoNegativeWarmUp() {
    assertThat(new BenchLoad.Load(0, 1).warmUp()).isZero();
    assertThatThrownBy(() -> new BenchLoad.Load(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no negative warm-up");
    assertThatThrownBy(() -> new BenchLoad.Load(10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one measured trade");
    assertThat(BenchLoad.Load.limit(100_000)).isEqualTo(Duration.ofSeconds(60 + 2_000));
  }

  @Test
  void theMeasuredRecordsAreReadFromWhereTheWarmUpLeftTheTopic() {
    try (LocalKafka kafka = LocalKafka.startTemporary()) {
      readFromWhereTheWarmUpLeft(kafka.bootstrapServers());
    }
  }

  private static void readFromWhereTheWarmUpLeft(String bootstrap) {
    String topic = "bench.load-test";
    BenchLoad.createTopics(bootstrap, List.of(topic), List.of(topic));
    BenchLoad.send(bootstrap, topic, "WARM-", 40);
    BenchLoad.await(bootstrap, topic, 40, r -> true, Duration.ofSeconds(30));

    Map<TopicPartition, Long> from = BenchLoad.endOffsets(bootstrap, topic);
    assertThat(from.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
    BenchLoad.send(bootstrap, topic, "M-", 7);
    List<String> read = new CopyOnWriteArrayList<>();
    BenchLoad.Latencies measured =
        BenchLoad.await(
            bootstrap,
            topic,
            from,
            7,
            r -> {
              read.add(r.key());
              return true;
            },
            Duration.ofSeconds(30));

    assertThat(measured.millis()).hasSize(7);
    assertThat(read).hasSize(7).allMatch(key -> key.startsWith("M-"));
    // from those offsets there are only 7: asking for one more runs out of time
    assertThatThrownBy(
            () -> BenchLoad.await(bootstrap, topic, from, 8, r -> true, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only 7 of 8");
  }
}
