package dev.tradeflow.cloudevents;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka protocol binding of CloudEvents 1.0. tradeflow writes binary mode: attributes in {@code
 * ce_*} headers, data as the record value, the partition key as the record key. It reads binary and
 * structured mode, and raw records with no CloudEvent headers at all on the received topic, since a
 * producer of raw trades need not know CloudEvents.
 */
public final class KafkaCloudEvents {

  private KafkaCloudEvents() {}

  public static ProducerRecord<String, byte[]> toRecord(CloudEvent event) {
    EventType type =
        EventType.of(event.type())
            .orElseThrow(() -> new IllegalArgumentException("no topic for type " + event.type()));
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(type.topic().topicName(), event.orderingKey(), event.data());
    Headers headers = record.headers();
    put(headers, "ce_specversion", CloudEvent.SPEC_VERSION);
    put(headers, "ce_id", event.id());
    put(headers, "ce_source", event.source());
    put(headers, "ce_type", event.type());
    put(headers, "ce_subject", event.subject());
    put(headers, "ce_time", CloudEventAttributes.format(event.time()));
    put(headers, "ce_partitionkey", event.partitionKey());
    put(headers, "ce_" + CloudEvent.RECEIVED_AT, CloudEventAttributes.format(event.receivedAt()));
    put(headers, "content-type", event.dataContentType());
    return record;
  }

  /** Reads a consumed record as a CloudEvent; see the other overload for {@code rawType}. */
  public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record, EventType rawType) {
    return fromRecord(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        record.value(),
        record.headers(),
        rawType);
  }

  /**
   * Reads a record as a CloudEvent.
   *
   * @param rawType the type to give a record that has no CloudEvent headers, or null if such
   *     records are malformed on this topic
   */
  public static CloudEvent fromRecord(
      String topic,
      int partition,
      long offset,
      String key,
      byte[] value,
      Headers headers,
      EventType rawType) {
    String contentType = get(headers, "content-type");
    if (StructuredCloudEvents.isStructured(contentType)) {
      return StructuredCloudEvents.decode(value == null ? new byte[0] : value);
    }
    String type = get(headers, "ce_type");
    if (type == null && get(headers, "ce_id") == null && rawType != null) {
      String id = topic + "-" + partition + "@" + offset;
      return new CloudEvent(
          id, "kafka://" + topic, rawType.type(), key, null, contentType, key, value);
    }
    String specVersion = get(headers, "ce_specversion");
    String id = get(headers, "ce_id");
    String source = get(headers, "ce_source");
    CloudEventAttributes.require(specVersion, id, source, type);
    return new CloudEvent(
        id,
        source,
        type,
        get(headers, "ce_subject"),
        CloudEventAttributes.time(get(headers, "ce_time")),
        contentType,
        get(headers, "ce_partitionkey") == null ? key : get(headers, "ce_partitionkey"),
        value,
        CloudEventAttributes.time(get(headers, "ce_" + CloudEvent.RECEIVED_AT)));
  }

  private static void put(Headers headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String get(Headers headers, String name) {
    Header header = headers == null ? null : headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
