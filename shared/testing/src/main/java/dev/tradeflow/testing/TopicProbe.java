package dev.tradeflow.testing;

import dev.tradeflow.binding.KafkaCloudEvents;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the events that reach one event type's topic from the moment the probe is opened. */
public final class TopicProbe implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<CloudEvent> seen = new ArrayList<>();

  private TopicProbe(EventType type) {
    consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", KafkaBrokerResource.broker().bootstrapServers()),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    String topic = type.topic().topicName();
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  public static TopicProbe open(EventType type) {
    return new TopicProbe(type);
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
      pollOnce();
    }
  }

  public List<CloudEvent> await(int count, Predicate<CloudEvent> filter) {
    return await(count, filter, Duration.ofSeconds(30));
  }

  /** Everything that arrives within {@code window}. */
  public List<CloudEvent> drain(Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      pollOnce();
    }
    return List.copyOf(seen);
  }

  private void pollOnce() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      seen.add(
          KafkaCloudEvents.fromRecord(
              record.topic(),
              record.partition(),
              record.offset(),
              record.key(),
              record.value(),
              record.headers(),
              null));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
