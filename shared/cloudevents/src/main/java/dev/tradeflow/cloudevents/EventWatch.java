package dev.tradeflow.cloudevents;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the CloudEvents that reach some event topics from the moment it is opened, without a
 * consumer group: for the local run's report and for tests.
 */
public final class EventWatch implements AutoCloseable {

  private final TopicTail<CloudEvent> tail;

  private EventWatch(Map<String, Object> kafka, List<EventType> types) {
    tail =
        new TopicTail<>(
            kafka,
            types.stream().map(t -> t.topic().topicName()).toList(),
            record -> KafkaCloudEvents.fromRecord(record, null));
  }

  public static EventWatch fromNow(String bootstrapServers, EventType... types) {
    return fromNow(Map.of("bootstrap.servers", bootstrapServers), types);
  }

  /** Reads with these client settings: {@code bootstrap.servers}, and SASL and TLS where needed. */
  public static EventWatch fromNow(Map<String, Object> kafka, EventType... types) {
    return new EventWatch(kafka, Arrays.asList(types));
  }

  /** Waits until {@code count} events matching {@code filter} have arrived; returns them. */
  public List<CloudEvent> await(int count, Predicate<CloudEvent> filter, Duration timeout) {
    return tail.await(count, filter, timeout);
  }

  /** Everything seen so far, after reading for {@code window}. */
  public List<CloudEvent> drain(Duration window) {
    return tail.drain(window);
  }

  @Override
  public void close() {
    tail.close();
  }
}
