package dev.tradeflow.peers.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.broker.LocalKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The hop against a real KRaft broker: every record copied, in order per key, and committed. */
@QuarkusTest
@QuarkusTestResource(ConnectorRelayHopTest.Broker.class)
class ConnectorRelayHopTest {

  static final String IN = "relay-test.in";
  static final String OUT = "relay-test.out";
  static final int RECORDS = 3_000;

  /** One broker for the test, with the hop's two topics, and the hop pointed at them. */
  public static class Broker implements QuarkusTestResourceLifecycleManager {
    static LocalKafka kafka;

    @Override
    public Map<String, String> start() {
      kafka = LocalKafka.startTemporary();
      kafka.createTopics(Map.of(IN, false, OUT, false), 3);
      return Map.of(
          "kafka.bootstrap.servers", kafka.bootstrapServers(), "relay.in", IN, "relay.out", OUT);
    }

    @Override
    public void stop() {
      kafka.close();
    }
  }

  @Test
  void copiesEveryRecordInOrderPerKeyWithItsHeadersAndCommitsThem() {
    String bootstrap = Broker.kafka.bootstrapServers();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < RECORDS; i++) {
        ProducerRecord<String, String> record =
            new ProducerRecord<>(IN, "T" + i % 50, "trade " + i);
        record.headers().add("ce_id", String.valueOf(i).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
      }
    }

    List<ConsumerRecord<String, String>> copied = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", bootstrap,
                "group.id", "relay-test-reader",
                "auto.offset.reset", "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(OUT));
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(copied::add);
                return copied.size() >= RECORDS;
              });
    }

    assertThat(copied).hasSize(RECORDS);
    Map<String, List<Integer>> byKey =
        copied.stream()
            .collect(
                Collectors.groupingBy(
                    ConsumerRecord::key,
                    Collectors.mapping(
                        r -> Integer.parseInt(r.value().substring("trade ".length())),
                        Collectors.toList())));
    assertThat(byKey).hasSize(50);
    byKey.values().forEach(sequence -> assertThat(sequence).isSorted());
    assertThat(copied)
        .allSatisfy(
            r ->
                assertThat(
                        new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                    .isEqualTo(r.value().substring("trade ".length())));

    // the throttled strategy commits every 5 s, and only offsets whose copies Kafka has taken
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", (Object) bootstrap))) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> committed(admin) == RECORDS);
    }
  }

  private static long committed(Admin admin) throws Exception {
    return admin
        .listConsumerGroupOffsets("relay-" + IN)
        .partitionsToOffsetAndMetadata()
        .get()
        .values()
        .stream()
        .mapToLong(OffsetAndMetadata::offset)
        .sum();
  }
}
