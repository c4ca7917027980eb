package dev.tradeflow.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A CloudEvent 1.0 as tradeflow handles it, independent of the protocol binding it came by. {@code
 * data} is kept as the bytes received, so nothing is lost when it cannot be read.
 */
public record CloudEvent(
    String id,
    String source,
    String type,
    String subject,
    OffsetDateTime time,
    String dataContentType,
    String partitionKey,
    byte[] data,
    OffsetDateTime receivedAt) {

  public static final String SPEC_VERSION = "1.0";

  /**
   * The extension attribute that carries {@link #receivedAt}: when parse received the trade this
   * event descends from. Each stage copies it on, so the last one can time the whole way.
   */
  public static final String RECEIVED_AT = "tradeflowreceived";

  public CloudEvent(
      String id,
      String source,
      String type,
      String subject,
      OffsetDateTime time,
      String dataContentType,
      String partitionKey,
      byte[] data) {
    this(id, source, type, subject, time, dataContentType, partitionKey, data, null);
  }

  public CloudEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    data = data == null ? new byte[0] : data;
  }

  public String dataAsText() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The key Kafka orders by: the partition key, else the subject, else the id. */
  public String orderingKey() {
    if (partitionKey != null) {
      return partitionKey;
    }
    return subject != null ? subject : id;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CloudEvent that
        && id.equals(that.id)
        && source.equals(that.source)
        && type.equals(that.type)
        && Objects.equals(subject, that.subject)
        && Objects.equals(time, that.time)
        && Objects.equals(dataContentType, that.dataContentType)
        && Objects.equals(partitionKey, that.partitionKey)
        && java.util.Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, source, type, subject) * 31 + java.util.Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "CloudEvent[" + type + " id=" + id + " source=" + source + " subject=" + subject + "]";
  }
}
