package dev.tradeflow.binding;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Kafka client settings every tradeflow client shares. */
@ApplicationScoped
public class KafkaClientConfig {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "tradeflow.kafka.partitions", defaultValue = "3")
  int partitions;

  @ConfigProperty(name = "tradeflow.kafka.create-topics", defaultValue = "true")
  boolean createTopics;

  @ConfigProperty(name = "tradeflow.kafka.send-timeout", defaultValue = "PT30S")
  Duration sendTimeout;

  @ConfigProperty(name = "tradeflow.kafka.linger-ms", defaultValue = "1")
  int lingerMs;

  @ConfigProperty(name = "tradeflow.kafka.batch-size", defaultValue = "131072")
  int batchSize;

  @ConfigProperty(name = "tradeflow.kafka.follower-fetch-wait", defaultValue = "PT0.5S")
  Duration followerFetchWait;

  /**
   * Every {@code kafka.*} property (and {@code KAFKA_*} environment variable), as Quarkus hands
   * them to the SmallRye channel: bootstrap servers and, when set, SASL and TLS.
   */
  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaProperties;

  /**
   * The settings every client of the app shares: the same {@code kafka.*} properties the SmallRye
   * channel reads (bootstrap servers, {@code security.protocol}, {@code sasl.*}, {@code ssl.*}), so
   * the state stores, the event publisher and the health check reach a secured cluster as the
   * channel does.
   */
  public Map<String, Object> common() {
    Map<String, Object> config = new HashMap<>(kafkaProperties);
    config.put("bootstrap.servers", bootstrapServers);
    return config;
  }

  /**
   * What every tradeflow producer adds to {@link #common()}: how long it lingers to fill a batch
   * ({@code tradeflow.kafka.linger-ms}), how big a batch for one partition may grow ({@code
   * tradeflow.kafka.batch-size}: 128 KiB, where Kafka's 16 KiB holds a few dozen of tradeflow's
   * records, so a burst went out in many small requests), and that Kafka gives up on a record, and
   * {@code send} stops blocking, within {@code tradeflow.kafka.send-timeout}, so a write to an
   * unreachable cluster fails in bounded time and is rolled back, instead of waiting for Kafka's
   * two minutes.
   */
  public Map<String, Object> producerSettings() {
    int request = (int) Math.min(10_000, sendTimeout.toMillis());
    return Map.of(
        "linger.ms",
        lingerMs,
        "batch.size",
        batchSize,
        "request.timeout.ms",
        request,
        "delivery.timeout.ms",
        (int) Math.max(sendTimeout.toMillis(), request + lingerMs + 1),
        "max.block.ms",
        (int) sendTimeout.toMillis());
  }

  /**
   * The settings of a consumer that follows a topic its function writes as it works (the trade
   * store, the contributions, the audit log): {@link #common()}, and each fetch waits for a
   * megabyte or for {@code tradeflow.kafka.follower-fetch-wait}, whichever comes first. With
   * Kafka's default (answer as soon as one byte is there), every state write the function had just
   * made woke its own follower and the broker for a fetch of its own. Reads that must see the
   * newest records (a handover of partitions, the audit API) wait for the end offsets anyway; what
   * another instance wrote shows up here up to the wait later; a rebuild fills each fetch at once.
   */
  public Map<String, Object> bulkFollowerConfig() {
    Map<String, Object> config = common();
    config.put("fetch.min.bytes", 1024 * 1024);
    config.put("fetch.max.wait.ms", (int) followerFetchWait.toMillis());
    return config;
  }

  /**
   * How long to wait for Kafka's verdict on a write: a little past the producers' delivery timeout,
   * so that their verdict, and the rollback of a refused state write, come first.
   */
  public Duration verdictWait() {
    return sendTimeout.plusSeconds(5);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public int partitions() {
    return partitions;
  }

  public boolean createTopics() {
    return createTopics;
  }
}
