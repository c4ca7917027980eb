package dev.tradeflow.binding;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Poison records of the Kafka binding. For the dead-letter topic, the record exactly as it came
 * (key, value and headers, so it can be replayed), plus headers that say why and where from; for
 * the desk, a rejection.
 */
public final class DeadLetters {

  /** Header names, all prefixed {@value #PREFIX}. */
  public static final String PREFIX = "tradeflow-dlq-";

  public static final String REASON = PREFIX + "reason";
  public static final String MESSAGE = PREFIX + "message";
  public static final String FUNCTION = PREFIX + "function";
  public static final String EXCEPTION = PREFIX + "exception";
  public static final String TOPIC = PREFIX + "topic";
  public static final String PARTITION = PREFIX + "partition";
  public static final String OFFSET = PREFIX + "offset";
  public static final String AT = PREFIX + "at";

  private static final int MAX_MESSAGE = 1000;

  /** Why a record was dead-lettered. */
  public enum Reason {
    /** Not a readable CloudEvent, or of a type the function does not take. */
    MALFORMED_EVENT,
    /** A readable event the function failed on: a fault in tradeflow, not in the trade. */
    PROCESSING_FAILED
  }

  private DeadLetters() {}

  public static ProducerRecord<String, byte[]> of(
      ConsumerRecord<String, byte[]> record,
      Function function,
      Reason reason,
      Throwable cause,
      Instant at) {
    Headers headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith(PREFIX)) {
        headers.add(header);
      }
    }
    add(headers, REASON, reason.name());
    add(headers, MESSAGE, truncated(String.valueOf(cause.getMessage())));
    add(headers, FUNCTION, function.id());
    add(headers, EXCEPTION, cause.getClass().getName());
    add(headers, TOPIC, record.topic());
    add(headers, PARTITION, Integer.toString(record.partition()));
    add(headers, OFFSET, Long.toString(record.offset()));
    add(headers, AT, at.toString());
    return new ProducerRecord<>(
        Topic.DEAD_LETTER.topicName(), null, record.key(), record.value(), headers);
  }

  /** The rejection that tells the desk: stage, reason, the message, where, and the payload. */
  public static CloudEvent rejection(
      ConsumerRecord<String, byte[]> record,
      Function function,
      RejectReason reason,
      Throwable cause,
      Clock clock) {
    String where = where(record);
    Rejection rejection =
        Rejection.of(
            Stage.valueOf(function.name()),
            record.key(),
            reason,
            cause.getMessage(),
            "kafka:" + where,
            null,
            record.value());
    String key = record.key() == null ? where : record.key();
    return new Emitter(function, clock)
        .emitFor("kafka://" + record.topic(), where, EventType.TRADE_REJECTED, key, 0, rejection);
  }

  /** {@code topic-partition@offset} */
  public static String where(ConsumerRecord<String, byte[]> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String truncated(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
  }
}
