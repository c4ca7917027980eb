package dev.tradeflow.validate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows an append-only topic from its beginning on a thread of its own, handing each record with
 * a value to {@code sink}, and can wait until it has read what the topic held at a given moment: so
 * an answer drawn from it includes every record written before the question.
 */
final class AuditTopicReader implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditTopicReader.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final String topic;
  private final Map<String, Object> kafka;
  private final Consumer<ConsumerRecord<String, byte[]>> sink;
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private volatile List<TopicPartition> partitions = List.of();
  private volatile boolean closed;
  private KafkaConsumer<String, byte[]> follower;
  private KafkaConsumer<String, byte[]> offsets;

  AuditTopicReader(
      String topic, Map<String, Object> kafka, Consumer<ConsumerRecord<String, byte[]>> sink) {
    this.topic = topic;
    this.kafka = Map.copyOf(kafka);
    this.sink = sink;
  }

  synchronized void start() {
    follower = consumer("audit-reader");
    offsets = consumer("audit-offsets");
    Thread thread = new Thread(this::follow, "audit-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  private KafkaConsumer<String, byte[]> consumer(String clientId) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.remove("group.id");
    config.put("enable.auto.commit", false);
    config.put("client.id", clientId + "-" + topic);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private void follow() {
    try {
      List<PartitionInfo> infos = List.of();
      while (!closed && infos.isEmpty()) {
        infos = follower.partitionsFor(topic, Duration.ofSeconds(10));
      }
      partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      follower.assign(partitions);
      follower.seekToBeginning(partitions);
      while (!closed) {
        for (ConsumerRecord<String, byte[]> record : follower.poll(POLL)) {
          if (record.value() != null) {
            sink.accept(record);
          }
        }
        for (TopicPartition partition : partitions) {
          positions.put(partition, follower.position(partition));
        }
      }
    } catch (WakeupException closing) {
      // close() woke it
    } catch (RuntimeException e) {
      LOG.errorf(e, "stopped following %s", topic);
    } finally {
      follower.close();
    }
  }

  /**
   * Waits, up to {@code patience}, until every record the topic holds now has been read. False if
   * the time ran out first (the answer may then miss the newest records).
   */
  boolean awaitCurrent(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    Map<TopicPartition, Long> ends;
    try {
      synchronized (this) {
        if (partitions.isEmpty()) {
          return false;
        }
        ends = offsets.endOffsets(partitions, patience);
      }
    } catch (RuntimeException unreachable) {
      return false;
    }
    while (ends.entrySet().stream()
        .anyMatch(e -> positions.getOrDefault(e.getKey(), 0L) < e.getValue())) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (follower != null) {
      follower.wakeup();
      offsets.close();
    }
  }
}
