package dev.tradeflow.cloudevents;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka protocol binding of CloudEvents 1.0. tradeflow writes binary mode: attributes in {@code
 * ce_*} headers, data as the record value, the partition key as the record key. It reads binary and
 * structured mode, and raw records with no CloudEvent headers at all on the received topic, since a
 * producer of raw trades need not know CloudEvents.
 *
 * <p>Every function reads and writes these headers for each event, so both ways work on the bytes:
 * the headers are read in one pass, the values that recur (spec version, types, sources, content
 * type) are matched against {@link KnownTexts}, a subject or partition key equal to the record key
 * is the key, and times are read and written as ASCII without a String between.
 */
public final class KafkaCloudEvents {

  private static final String RECEIVED_AT = "ce_" + CloudEvent.RECEIVED_AT;
  private static final KnownTexts SPEC_VERSIONS = new KnownTexts(List.of(CloudEvent.SPEC_VERSION));
  private static final KnownTexts TYPES =
      new KnownTexts(Arrays.stream(EventType.values()).map(EventType::type).toList());
  private static final KnownTexts SOURCES =
      new KnownTexts(Arrays.stream(Function.values()).map(Function::source).toList());
  private static final KnownTexts CONTENT_TYPES =
      new KnownTexts(Stream.of(Emitter.JSON, StructuredCloudEvents.MEDIA_TYPE).toList());

  private KafkaCloudEvents() {}

  public static ProducerRecord<String, byte[]> toRecord(CloudEvent event) {
    EventType type =
        EventType.of(event.type())
            .orElseThrow(() -> new IllegalArgumentException("no topic for type " + event.type()));
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(type.topic().topicName(), event.orderingKey(), event.data());
    Headers headers = record.headers();
    byte[] subject = utf8(event.subject());
    put(headers, "ce_specversion", SPEC_VERSIONS.encode(CloudEvent.SPEC_VERSION));
    put(headers, "ce_id", utf8(event.id()));
    put(headers, "ce_source", SOURCES.encode(event.source()));
    put(headers, "ce_type", TYPES.encode(event.type()));
    put(headers, "ce_subject", subject);
    put(headers, "ce_time", ascii(event.time()));
    put(
        headers,
        "ce_partitionkey",
        event.partitionKey() != null && event.partitionKey().equals(event.subject())
            ? subject
            : utf8(event.partitionKey()));
    put(headers, RECEIVED_AT, ascii(event.receivedAt()));
    put(headers, "content-type", CONTENT_TYPES.encode(event.dataContentType()));
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
    Attributes found = Attributes.of(headers);
    String contentType = CONTENT_TYPES.decode(found.contentType);
    if (StructuredCloudEvents.isStructured(contentType)) {
      return StructuredCloudEvents.decode(value == null ? new byte[0] : value);
    }
    String type = TYPES.decode(found.type);
    if (type == null && found.id == null && rawType != null) {
      String id = topic + "-" + partition + "@" + offset;
      return new CloudEvent(
          id, "kafka://" + topic, rawType.type(), key, null, contentType, key, value);
    }
    String specVersion = SPEC_VERSIONS.decode(found.specVersion);
    String id = found.id == null ? null : new String(found.id, StandardCharsets.UTF_8);
    String source = SOURCES.decode(found.source);
    CloudEventAttributes.require(specVersion, id, source, type);
    return new CloudEvent(
        id,
        source,
        type,
        keyOrText(found.subject, key),
        time(found.time),
        contentType,
        found.partitionKey == null ? key : keyOrText(found.partitionKey, key),
        value,
        time(found.receivedAt));
  }

  /**
   * The values of the headers this binding reads, each the last header of its name (as {@link
   * Headers#lastHeader} gives it), found in one pass over the headers.
   */
  private static final class Attributes {
    byte[] specVersion;
    byte[] id;
    byte[] source;
    byte[] type;
    byte[] subject;
    byte[] time;
    byte[] partitionKey;
    byte[] receivedAt;
    byte[] contentType;

    static Attributes of(Headers headers) {
      Attributes found = new Attributes();
      if (headers == null) {
        return found;
      }
      for (Header header : headers) {
        byte[] value = header.value();
        switch (header.key()) {
          case "ce_specversion" -> found.specVersion = value;
          case "ce_id" -> found.id = value;
          case "ce_source" -> found.source = value;
          case "ce_type" -> found.type = value;
          case "ce_subject" -> found.subject = value;
          case "ce_time" -> found.time = value;
          case "ce_partitionkey" -> found.partitionKey = value;
          case RECEIVED_AT -> found.receivedAt = value;
          case "content-type" -> found.contentType = value;
          default -> {
            // not an attribute this binding reads
          }
        }
      }
      return found;
    }
  }

  /**
   * The record key itself when {@code value} spells it (a trade's id, as a rule), else its text.
   */
  private static String keyOrText(byte[] value, String key) {
    if (value == null) {
      return null;
    }
    if (key != null && key.length() == value.length) {
      int i = 0;
      while (i < value.length && value[i] >= 0 && key.charAt(i) == value[i]) {
        i++;
      }
      if (i == value.length) {
        return key;
      }
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  private static OffsetDateTime time(byte[] value) {
    return value == null ? null : CloudEventAttributes.time(AsciiText.of(value));
  }

  private static byte[] ascii(OffsetDateTime time) {
    return time == null ? null : Rfc3339.formatAscii(time);
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, byte[] value) {
    if (value != null) {
      headers.add(name, value);
    }
  }
}
