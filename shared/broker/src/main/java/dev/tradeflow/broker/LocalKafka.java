package dev.tradeflow.broker;

import dev.tradeflow.events.Topic;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka broker in KRaft mode, running in this JVM. Used by the tests and the
 * local run: no Docker, no ZooKeeper, data in a folder of your choice.
 */
public final class LocalKafka implements AutoCloseable {

  private final EmbeddedKafkaBroker broker;
  private final Path dataDir;
  private final int port;

  private LocalKafka(EmbeddedKafkaBroker broker, Path dataDir, int port) {
    this.broker = broker;
    this.dataDir = dataDir;
    this.port = port;
  }

  /** A broker on a free port whose data is deleted when it closes. */
  public static LocalKafka startTemporary() {
    try {
      Path dir = Files.createTempDirectory("tradeflow-kafka-");
      return start(dir, freePort(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A broker on {@code port} keeping its data in {@code dataDir}. Starting again on the same folder
   * and port brings back every topic and record.
   */
  public static LocalKafka start(Path dataDir, int port, boolean deleteOnClose) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String logDir = dataDir.resolve("kraft").toAbsolutePath().toString();
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker()
            .withKafkaPort(port)
            .withControllerPort(freePort())
            .withClusterId("tradeflow-local-cluster")
            .withDeleteLogDirsOnClose(deleteOnClose)
            .withAdditionalProperties(props -> tune(props, logDir));
    broker.start();
    return new LocalKafka(broker, dataDir, port);
  }

  private static void tune(Properties props, String logDir) {
    props.put("log.dirs", logDir);
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "3");
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    // A restart on existing data must not wait for the old broker's session to expire.
    props.put("broker.session.timeout.ms", "2000");
    props.put("broker.heartbeat.interval.ms", "500");
    props.put("log.cleaner.backoff.ms", "1000");
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Creates every topic of tradeflow's catalogue, compacted where the catalogue says so. */
  public void createCatalogueTopics() {
    Map<String, Boolean> topics = new java.util.LinkedHashMap<>();
    for (Topic topic : Topic.values()) {
      topics.put(topic.topicName(), topic.compacted());
    }
    createTopics(topics, 3);
  }

  /** Creates each topic that does not exist yet. */
  public void createTopics(Map<String, Boolean> compactedByName, int partitions) {
    createTopics(bootstrapServers(), compactedByName, partitions);
  }

  public static void createTopics(
      String bootstrapServers, Map<String, Boolean> compactedByName, int partitions) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (Map.Entry<String, Boolean> topic : compactedByName.entrySet()) {
        NewTopic newTopic = new NewTopic(topic.getKey(), partitions, (short) 1);
        if (topic.getValue()) {
          newTopic.configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));
        }
        try {
          admin.createTopics(java.util.List.of(newTopic)).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + topic.getKey(), e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    broker.close();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
