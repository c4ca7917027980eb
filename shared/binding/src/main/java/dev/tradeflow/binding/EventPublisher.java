package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.KafkaCloudEvents;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Topic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends emitted events to their topics in Kafka binary mode, with {@code acks=all} and an
 * idempotent producer, the one the app's state stores write through too. {@link #publishAll}
 * returns only once Kafka has acknowledged every event, so the caller can then acknowledge its
 * input. Callers go through {@link KafkaWrites}, which guards it with a timeout, retries and the
 * circuit breaker.
 */
@ApplicationScoped
public class EventPublisher {

  @Inject KafkaClientConfig kafka;

  private volatile KafkaProducer<String, byte[]> producer;

  /**
   * The app's one producer: events, state-store writes, audit entries and dead letters all go
   * through it, so a batch's records share requests to the broker.
   */
  KafkaProducer<String, byte[]> producer() {
    KafkaProducer<String, byte[]> current = producer;
    if (current == null) {
      synchronized (this) {
        if (producer == null) {
          Map<String, Object> config = kafka.common();
          config.putAll(kafka.producerSettings());
          config.put(ProducerConfig.ACKS_CONFIG, "all");
          config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
          config.put(ProducerConfig.CLIENT_ID_CONFIG, "tradeflow-writer");
          producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        current = producer;
      }
    }
    return current;
  }

  void publishAll(List<CloudEvent> events) {
    if (!events.isEmpty()) {
      awaitAll(sendAll(events));
    }
  }

  /**
   * Sends the events in order and returns at once; the future completes when Kafka has acknowledged
   * them all, or fails with the first refusal.
   */
  CompletableFuture<Void> sendAll(List<CloudEvent> events) {
    CompletableFuture<?>[] sends = new CompletableFuture<?>[events.size()];
    for (int i = 0; i < sends.length; i++) {
      sends[i] = sendRecord(KafkaCloudEvents.toRecord(events.get(i)));
      if (sends[i].isCompletedExceptionally()) {
        // refused at once (no metadata within max.block.ms, say): the rest would wait as long
        return CompletableFuture.allOf(Arrays.copyOf(sends, i + 1));
      }
    }
    return CompletableFuture.allOf(sends);
  }

  /**
   * Sends one plain record (not a CloudEvent), such as an audit entry or an aggregate; the future
   * completes when Kafka has acknowledged it.
   */
  public CompletableFuture<Void> sendRecord(Topic topic, String key, byte[] value) {
    return sendRecord(new ProducerRecord<>(topic.topicName(), key, value));
  }

  /** Sends a record as it is, headers included; the future completes once Kafka has it. */
  public CompletableFuture<Void> sendRecord(ProducerRecord<String, byte[]> record) {
    try {
      return send(record);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    producer()
        .send(
            record,
            (metadata, error) -> {
              if (error == null) {
                sent.complete(null);
              } else {
                sent.completeExceptionally(error);
              }
            });
    return sent;
  }

  private void awaitAll(CompletableFuture<Void> sends) {
    try {
      sends.get(kafka.verdictWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new EventProcessingException("Kafka did not take the events: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new EventProcessingException("Kafka did not acknowledge the events in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventProcessingException("interrupted while sending", e);
    }
  }

  @PreDestroy
  void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
