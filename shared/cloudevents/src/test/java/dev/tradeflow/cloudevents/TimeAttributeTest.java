package dev.tradeflow.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeflow.events.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Time attributes are RFC 3339 with seconds, even at a whole minute, in every binding. */
class TimeAttributeTest {

  static final OffsetDateTime WHOLE_MINUTE =
      OffsetDateTime.of(2026, 11, 21, 9, 30, 0, 0, ZoneOffset.UTC);

  static CloudEvent event() {
    return new CloudEvent(
        "id-1",
        "/tests",
        "tradeflow.trade.parsed",
        "T1",
        WHOLE_MINUTE,
        "application/json",
        "T1",
        "{}".getBytes(StandardCharsets.UTF_8),
        WHOLE_MINUTE.plusNanos(250_000_000));
  }

  @Test
  void formatAlwaysWritesSecondsAndAFractionOnlyWhenThereIsOne() {
    assertThat(CloudEventAttributes.format(WHOLE_MINUTE)).isEqualTo("2026-11-21T09:30:00Z");
    assertThat(CloudEventAttributes.format(WHOLE_MINUTE.plusNanos(1_000_000)))
        .isEqualTo("2026-11-21T09:30:00.001Z");
    assertThat(CloudEventAttributes.format(null)).isNull();
  }

  @Test
  void kafkaBinaryModeWritesSecondsAtAWholeMinute() {
    ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(event());
    assertThat(new String(record.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8))
        .isEqualTo("2026-11-21T09:30:00Z");
    assertThat(
            new String(
                record.headers().lastHeader("ce_" + CloudEvent.RECEIVED_AT).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("2026-11-21T09:30:00.25Z");
  }

  @Test
  void structuredModeWritesSecondsAtAWholeMinute() throws Exception {
    var json = new ObjectMapper().readTree(StructuredCloudEvents.encode(event()));
    assertThat(json.get("time").asText()).isEqualTo("2026-11-21T09:30:00Z");
    assertThat(StructuredCloudEvents.decode(StructuredCloudEvents.encode(event())).time())
        .isEqualTo(WHOLE_MINUTE);
  }
}
