package dev.tradeflow.cloudevents;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the CloudEvents that reach some event topics from the moment it is opened, without a
 * consumer group: for the local run's report and for tests.
 */
public final class EventWatch implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<CloudEvent> seen = new ArrayList<>();

  private EventWatch(String bootstrapServers, List<EventType> types) {
    consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", bootstrapServers),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : types.stream().map(t -> t.topic().topicName()).distinct().toList()) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  public static EventWatch fromNow(String bootstrapServers, EventType... types) {
    return new EventWatch(bootstrapServers, Arrays.asList(types));
  }

  /** Waits until {@code count} events matching {@code filter} have arrived; returns them. */
  public List<CloudEvent> await(int count, Predicate<CloudEvent> filter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<CloudEvent> matching = seen.stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected " + count + " matching events, saw " + matching.size() + " of " + seen);
      }
      poll();
    }
  }

  /** Everything seen so far, after reading for {@code window}. */
  public List<CloudEvent> drain(Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      poll();
    }
    return List.copyOf(seen);
  }

  private void poll() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      seen.add(KafkaCloudEvents.fromRecord(record, null));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
