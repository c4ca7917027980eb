package dev.tradeflow.cloudevents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the records that reach some topics from the moment it is opened, without a consumer group,
 * each read once into a {@code T}: for the local run's report and for tests.
 */
public final class TopicTail<T> implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final Function<ConsumerRecord<String, byte[]>, T> reader;
  private final List<T> seen = new ArrayList<>();

  /** The records as they are, headers included. */
  public static TopicTail<ConsumerRecord<String, byte[]>> records(
      String bootstrapServers, Collection<String> topics) {
    return records(Map.of("bootstrap.servers", bootstrapServers), topics);
  }

  /** The records as they are, read with these client settings (a secured cluster's, say). */
  public static TopicTail<ConsumerRecord<String, byte[]>> records(
      Map<String, Object> kafka, Collection<String> topics) {
    return new TopicTail<>(kafka, topics, record -> record);
  }

  /**
   * @param kafka the client settings: {@code bootstrap.servers}, and SASL and TLS where needed
   */
  public TopicTail(
      Map<String, Object> kafka,
      Collection<String> topics,
      Function<ConsumerRecord<String, byte[]>, T> reader) {
    this.reader = reader;
    consumer = new KafkaConsumer<>(kafka, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics.stream().distinct().toList()) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** Waits until {@code count} records matching {@code filter} have arrived; returns them. */
  public List<T> await(int count, Predicate<T> filter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<T> matching = seen.stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected " + count + " matching records, saw " + matching.size() + " of " + seen);
      }
      poll();
    }
  }

  /** Everything seen so far, after reading for {@code window}. */
  public List<T> drain(Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      poll();
    }
    return List.copyOf(seen);
  }

  private void poll() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      seen.add(reader.apply(record));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
