package dev.tradeflow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.binding.DeadLetters;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.Send;
import dev.tradeflow.testing.TestTokens;
import dev.tradeflow.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Poison records on the Kafka input: each goes to the dead-letter topic as it came, with the reason
 * in headers, is answered with a rejection, and stops nothing behind it. Not rerun against the
 * packaged app: the fault is injected by a test-only decorator ({@link FaultInjection}).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class PoisonRecordTest {

  static final String PARSED = EventType.TRADE_PARSED.type();

  @Test
  void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndTheRestGoesOn() {
    try (var deadLetters = TopicProbe.records(Topic.DEAD_LETTER);
        TopicProbe rejected = TopicProbe.open(EventType.TRADE_REJECTED);
        TopicProbe validated = TopicProbe.open(EventType.TRADE_VALIDATED)) {
      ProducerRecord<String, byte[]> garbage =
          new ProducerRecord<>(
              Topic.TRADE_PARSED.topicName(), "VP-1", new byte[] {0, 1, 2, (byte) 0xff});
      garbage.headers().add("origin", "desk-7".getBytes(StandardCharsets.UTF_8));
      Send.kafka(garbage);
      Send.kafka(
          Send.event(
              PARSED,
              FaultInjection.PREFIX + "VP-2",
              "application/json",
              Trades.parsed(FaultInjection.PREFIX + "VP-2", 1, "B1", "2027-05-20")));
      Send.kafka(
          Send.event(
              PARSED, "VP-3", "application/json", Trades.parsed("VP-3", 1, "B1", "2027-05-20")));

      List<ConsumerRecord<String, byte[]>> dead =
          deadLetters.await(
              2, r -> r.key() != null && r.key().contains("VP-"), Duration.ofSeconds(30));
      ConsumerRecord<String, byte[]> malformed = byKey(dead, "VP-1");
      assertThat(malformed.value()).containsExactly(0, 1, 2, 0xff);
      assertThat(header(malformed, "origin")).isEqualTo("desk-7");
      assertThat(header(malformed, DeadLetters.REASON)).isEqualTo("MALFORMED_EVENT");
      assertThat(header(malformed, DeadLetters.FUNCTION)).isEqualTo("validate");
      assertThat(header(malformed, DeadLetters.TOPIC)).isEqualTo(Topic.TRADE_PARSED.topicName());
      assertThat(header(malformed, DeadLetters.OFFSET)).matches("\\d+");
      assertThat(header(malformed, DeadLetters.MESSAGE)).isNotBlank();

      ConsumerRecord<String, byte[]> failed = byKey(dead, FaultInjection.PREFIX + "VP-2");
      assertThat(header(failed, DeadLetters.REASON)).isEqualTo("PROCESSING_FAILED");
      assertThat(header(failed, DeadLetters.MESSAGE)).contains("injected fault");
      assertThat(header(failed, "ce_type")).isEqualTo(PARSED);
      assertThat(new String(failed.value(), StandardCharsets.UTF_8)).contains("\"trade_id\"");

      Rejection internal =
          Json.read(
              rejected
                  .await(1, e -> (FaultInjection.PREFIX + "VP-2").equals(e.subject()))
                  .get(0)
                  .data(),
              Rejection.class);
      assertThat(internal.reason()).isEqualTo(RejectReason.INTERNAL_ERROR);
      assertThat(internal.message()).contains("injected fault");
      assertThat(rejected.await(1, e -> "VP-1".equals(e.subject()))).hasSize(1);
      assertThat(validated.await(1, e -> "VP-3".equals(e.subject()))).hasSize(1);
    }
    TestTokens.withAllRoles().get("/api/v1/trades/VP-3").then().statusCode(200);
    TestTokens.withAllRoles()
        .get("/api/v1/trades/" + FaultInjection.PREFIX + "VP-2")
        .then()
        .statusCode(404);
  }

  @Test
  void overHttpAFailureIsA500SoTheBrokerRetriesAndThenDeadLetters() {
    Send.binary(
            Send.event(
                PARSED,
                FaultInjection.PREFIX + "VP-4",
                "application/json",
                Trades.parsed(FaultInjection.PREFIX + "VP-4", 1, "B1", "2027-05-20")))
        .statusCode(500);
  }

  private static ConsumerRecord<String, byte[]> byKey(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
