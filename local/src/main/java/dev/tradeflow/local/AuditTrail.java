package dev.tradeflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows validate's audit topic from the beginning and remembers which trade versions validate has
 * decided on (accepted, replaced or refused). A version sent but never decided on was lost on the
 * way to, or inside, validate, even when a later version hides the loss in the store.
 */
final class AuditTrail implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final Set<String> decided = new HashSet<>();

  AuditTrail(Map<String, Object> kafka) {
    consumer = new KafkaConsumer<>(kafka, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topic.AUDIT.topicName()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  static String key(String tradeId, int version) {
    return tradeId + " v" + version;
  }

  /** Reads what has arrived since the last call; the versions decided on so far. */
  Set<String> decided() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      JsonNode entry = read(record.value());
      if (entry.hasNonNull("trade_id") && entry.hasNonNull("version")) {
        decided.add(key(entry.get("trade_id").asText(), entry.get("version").asInt()));
      }
    }
    return decided;
  }

  private static JsonNode read(byte[] json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
