package dev.tradeflow.peers.connector;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One relay hop on the Kafka connector tradeflow's functions read with: it copies every record of
 * {@code relay.in} to {@code relay.out} and does nothing else. It reads as tradeflow's binding does
 * (SmallRye's connector, poll batches handed to a worker in order, no connector CloudEvent reading,
 * no tracing) and writes as tradeflow does (one idempotent producer, {@code acks=all}, lingering
 * {@code relay.linger-ms}, batches of up to {@code relay.batch-size} bytes, each send completing a
 * future, as {@code EventPublisher}'s do, so the hop pays what the binding pays); a batch is
 * acknowledged once Kafka has taken all its copies, while the next batches are handled, and the
 * connector's throttled strategy commits only acknowledged offsets. So five of these in a row are
 * the most five tradeflow functions could carry on this connector if their work cost nothing.
 */
@ApplicationScoped
public class ConnectorRelayHop {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "relay.out")
  String out;

  @ConfigProperty(name = "relay.linger-ms")
  int lingerMs;

  @ConfigProperty(name = "relay.batch-size")
  int batchSize;

  private KafkaProducer<String, byte[]> producer;

  @PostConstruct
  void open() {
    producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "acks",
                "all",
                "enable.idempotence",
                true,
                "linger.ms",
                lingerMs,
                "batch.size",
                batchSize),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(5));
  }

  @Incoming("relay-in")
  @Blocking(ordered = true)
  public CompletionStage<Void> relay(Message<List<byte[]>> batch) {
    @SuppressWarnings("unchecked")
    IncomingKafkaRecordBatchMetadata<String, byte[]> records =
        batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
    CompletableFuture<?>[] copies = new CompletableFuture<?>[records.count()];
    int i = 0;
    for (ConsumerRecord<String, byte[]> record : records.getRecords()) {
      copies[i++] = copy(record);
    }
    CompletableFuture.allOf(copies)
        .whenComplete(
            (taken, refused) -> {
              if (refused == null) {
                batch.ack();
              } else {
                batch.nack(refused);
              }
            });
    return CompletableFuture.completedFuture(null);
  }

  private CompletableFuture<Void> copy(ConsumerRecord<String, byte[]> record) {
    CompletableFuture<Void> taken = new CompletableFuture<>();
    producer.send(
        new ProducerRecord<>(out, null, record.key(), record.value(), record.headers()),
        (metadata, error) -> {
          if (error == null) {
            taken.complete(null);
          } else {
            taken.completeExceptionally(error);
          }
        });
    return taken;
  }
}
