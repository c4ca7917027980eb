package dev.tradeflow.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Kafka's binary mode both ways, read from headers built as the consumer builds them. */
class KafkaCloudEventsTest {

  private static final OffsetDateTime RECEIVED =
      OffsetDateTime.of(2026, 12, 3, 9, 30, 15, 123_456_000, ZoneOffset.UTC);

  private static CloudEvent event(String source, String subject, String partitionKey) {
    return new CloudEvent(
        "0b6f3c2e-6d1a-3f52-8c7e-2a9d4b1e5f60",
        source,
        EventType.TRADE_VALIDATED.type(),
        subject,
        RECEIVED.plusNanos(4_567_891),
        "application/json",
        partitionKey,
        "{\"trade_id\":\"T1\"}".getBytes(StandardCharsets.UTF_8),
        RECEIVED);
  }

  /** The record as a consumer hands it over: every header decoded lazily from its bytes. */
  private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : sent.headers()) {
      headers.add(
          new RecordHeader(
              ByteBuffer.wrap(header.key().getBytes(StandardCharsets.UTF_8)),
              header.value() == null ? null : ByteBuffer.wrap(header.value())));
    }
    return consumed(sent.key(), sent.value(), headers);
  }

  private static ConsumerRecord<String, byte[]> consumed(
      String key, byte[] value, Headers headers) {
    return new ConsumerRecord<>(
        "tradeflow.trade.validated",
        1,
        42L,
        0L,
        TimestampType.CREATE_TIME,
        -1,
        value == null ? -1 : value.length,
        key,
        value,
        headers,
        Optional.empty());
  }

  @Test
  void everyAttributeReadsBackAsWritten() {
    for (CloudEvent event :
        new CloudEvent[] {
          event(Function.VALIDATE.source(), "T1", "T1"),
          event("/elsewhere/a-source", "T1", "T1"),
          event(Function.PARSE.source(), "T-\u00e9", "T-\u00e9"),
          event(Function.PARSE.source(), "T1", "T2"),
          event(Function.PARSE.source(), null, "T2")
        }) {
      CloudEvent read =
          KafkaCloudEvents.fromRecord(consumed(KafkaCloudEvents.toRecord(event)), null);
      assertThat(read).isEqualTo(event);
      assertThat(read.time()).isEqualTo(event.time());
      assertThat(read.receivedAt()).isEqualTo(event.receivedAt());
    }
  }

  @Test
  void withoutAPartitionKeyTheRecordKeyIsIt() {
    CloudEvent event = event(Function.PARSE.source(), "T1", null);
    CloudEvent read = KafkaCloudEvents.fromRecord(consumed(KafkaCloudEvents.toRecord(event)), null);
    assertThat(read.partitionKey()).isEqualTo("T1");
    assertThat(read.subject()).isEqualTo("T1");
  }

  @Test
  void aSubjectOrPartitionKeyOtherThanTheRecordKeyIsReadAsItsOwnText() {
    ProducerRecord<String, byte[]> sent =
        KafkaCloudEvents.toRecord(event(Function.VALIDATE.source(), "T1", "T1"));
    CloudEvent read =
        KafkaCloudEvents.fromRecord(consumed("T9", sent.value(), consumed(sent).headers()), null);
    assertThat(read.subject()).isEqualTo("T1");
    assertThat(read.partitionKey()).isEqualTo("T1");
  }

  @Test
  void typesSourcesAndContentTypesTradeflowDoesNotKnowAreReadAsTheyAre() {
    RecordHeaders headers = binary("ce_type", "com.example.other");
    headers.add("ce_source", utf8("urn:desk:7"));
    headers.add("content-type", utf8("text/plain; charset=utf-8"));
    CloudEvent read = KafkaCloudEvents.fromRecord(consumed("K", utf8("x"), headers), null);
    assertThat(read.type()).isEqualTo("com.example.other");
    assertThat(read.source()).isEqualTo("urn:desk:7");
    assertThat(read.dataContentType()).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void theLastHeaderOfANameIsTheOneRead() {
    RecordHeaders headers = binary("ce_type", "tradeflow.trade.parsed");
    headers.add("ce_type", utf8(EventType.TRADE_VALIDATED.type()));
    headers.add("ce_subject", utf8("T1"));
    headers.add("ce_subject", null);
    CloudEvent read = KafkaCloudEvents.fromRecord(consumed("T1", utf8("{}"), headers), null);
    assertThat(read.type()).isEqualTo(EventType.TRADE_VALIDATED.type());
    assertThat(read.subject()).isNull();
  }

  @Test
  void aRecordMissingRequiredAttributesIsMalformedAndNamesThem() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_type", utf8(EventType.TRADE_VALIDATED.type()));
    assertThatThrownBy(() -> KafkaCloudEvents.fromRecord(consumed("T1", utf8("{}"), headers), null))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("specversion, id, source");
  }

  @Test
  void anotherSpecVersionIsMalformed() {
    RecordHeaders headers = binary("ce_type", EventType.TRADE_VALIDATED.type());
    headers.add("ce_specversion", utf8("0.3"));
    assertThatThrownBy(() -> KafkaCloudEvents.fromRecord(consumed("T1", utf8("{}"), headers), null))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("unsupported specversion '0.3'");
  }

  @Test
  void aTimeThatIsNotAsciiOrNotRfc3339IsMalformed() {
    for (String time : new String[] {"2026-12-01T23:00:00Z\u00e9", "yesterday"}) {
      RecordHeaders headers = binary("ce_type", EventType.TRADE_VALIDATED.type());
      headers.add("ce_time", utf8(time));
      assertThatThrownBy(
              () -> KafkaCloudEvents.fromRecord(consumed("T1", utf8("{}"), headers), null))
          .isInstanceOf(MalformedEventException.class)
          .hasMessageContaining("not an RFC 3339 timestamp: " + time);
    }
  }

  @Test
  void aTimeWithAnOffsetKeepsIt() {
    RecordHeaders headers = binary("ce_type", EventType.TRADE_VALIDATED.type());
    headers.add("ce_time", utf8("2026-12-01T23:00:00.5+01:30"));
    CloudEvent read = KafkaCloudEvents.fromRecord(consumed("T1", utf8("{}"), headers), null);
    assertThat(read.time()).isEqualTo(OffsetDateTime.parse("2026-12-01T23:00:00.5+01:30"));
  }

  @Test
  void aRawRecordTakesTheRawTypeAndIsNamedByWhereItIs() {
    CloudEvent read =
        KafkaCloudEvents.fromRecord(
            consumed("T1", utf8("35=AE"), new RecordHeaders()), EventType.TRADE_RECEIVED);
    assertThat(read.type()).isEqualTo(EventType.TRADE_RECEIVED.type());
    assertThat(read.id()).isEqualTo("tradeflow.trade.validated-1@42");
    assertThat(read.source()).isEqualTo("kafka://tradeflow.trade.validated");
    assertThat(read.subject()).isEqualTo("T1");
  }

  @Test
  void aStructuredRecordIsReadFromItsValue() {
    CloudEvent event = event(Function.PARSE.source(), "T1", "T1");
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", utf8(StructuredCloudEvents.MEDIA_TYPE));
    CloudEvent read =
        KafkaCloudEvents.fromRecord(
            consumed("T1", StructuredCloudEvents.encode(event), headers), null);
    assertThat(read).isEqualTo(event);
  }

  /** The minimum of a binary-mode event but its type, which {@code name} adds. */
  private static RecordHeaders binary(String name, String value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", utf8("1.0"));
    headers.add("ce_id", utf8("e-1"));
    headers.add("ce_source", utf8(Function.PARSE.source()));
    headers.add(name, utf8(value));
    return headers;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
