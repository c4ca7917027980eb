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
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka broker in KRaft mode, running in this JVM. Used by the tests and the
 * local run: no Docker, no ZooKeeper, data in a folder of your choice.
 *
 * <p>It always has a plaintext listener ({@link #bootstrapServers()}), which the broker itself and
 * topic administration use. {@link #startSecured} adds a second listener that speaks SASL
 * (SCRAM-SHA-512) over TLS, as a production cluster does; {@link #clientConfig()} then points
 * clients at it, with a user's credentials and the broker's certificate to trust.
 */
public final class LocalKafka implements AutoCloseable {

  /** The secured listener's name in the broker's config. */
  static final String SECURED = "SECURED";

  /** SASL over TLS with SCRAM-SHA-512, on {@code port}, for {@code user}. */
  public record SecuredListener(int port, KafkaUser user, BrokerTls tls) {}

  private final EmbeddedKafkaBroker broker;
  private final Path dataDir;
  private final int port;
  private final SecuredListener secured;

  private LocalKafka(EmbeddedKafkaBroker broker, Path dataDir, int port, SecuredListener secured) {
    this.broker = broker;
    this.dataDir = dataDir;
    this.port = port;
    this.secured = secured;
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
    return start(dataDir, port, deleteOnClose, null);
  }

  /**
   * A broker as {@link #start(Path, int, boolean)} makes, with a second listener on {@code
   * securedPort} that takes only SASL (SCRAM-SHA-512) over TLS. Its certificate is made once in
   * {@code dataDir/tls}; {@code user} is created (or its password set) before this returns.
   */
  public static LocalKafka startSecured(
      Path dataDir, int port, int securedPort, KafkaUser user, boolean deleteOnClose) {
    BrokerTls tls = BrokerTls.inDirectory(dataDir.resolve("tls"));
    LocalKafka kafka =
        start(dataDir, port, deleteOnClose, new SecuredListener(securedPort, user, tls));
    kafka.createUser(user);
    return kafka;
  }

  private static LocalKafka start(
      Path dataDir, int port, boolean deleteOnClose, SecuredListener secured) {
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
            .withAdditionalProperties(
                props -> {
                  tune(props, logDir);
                  if (secured != null) {
                    addSecuredListener(props, secured);
                  }
                });
    broker.start();
    return new LocalKafka(broker, dataDir, port, secured);
  }

  private static void addSecuredListener(Properties props, SecuredListener secured) {
    String prefix = "listener.name." + SECURED.toLowerCase(java.util.Locale.ROOT) + ".";
    props.put(
        "listeners", props.get("listeners") + "," + SECURED + "://localhost:" + secured.port());
    props.put(
        "listener.security.protocol.map",
        props.get("listener.security.protocol.map") + "," + SECURED + ":SASL_SSL");
    props.put(prefix + "sasl.enabled.mechanisms", "SCRAM-SHA-512");
    props.put(
        prefix + "scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    props.put(prefix + "ssl.keystore.type", "PKCS12");
    props.put(prefix + "ssl.keystore.location", secured.tls().keyStore().toString());
    props.put(prefix + "ssl.keystore.password", secured.tls().password());
    props.put(prefix + "ssl.key.password", secured.tls().password());
  }

  /** Creates {@code user} for SCRAM-SHA-512, or sets its password, over the plaintext listener. */
  public void createUser(KafkaUser user) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin
          .alterUserScramCredentials(
              java.util.List.of(
                  new UserScramCredentialUpsertion(
                      user.name(),
                      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                      user.password())))
          .all()
          .get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create Kafka user " + user.name(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void tune(Properties props, String logDir) {
    props.put("log.dirs", logDir);
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", String.valueOf(PARTITIONS));
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    // A restart on existing data must not wait for the old broker's session to expire.
    props.put("broker.session.timeout.ms", "2000");
    props.put("broker.heartbeat.interval.ms", "500");
    props.put("log.cleaner.backoff.ms", "1000");
  }

  /** The plaintext listener: for topic administration, and for clients of an unsecured broker. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /**
   * What a client needs to reach this broker: {@code bootstrap.servers}, and for a secured broker
   * the SASL and TLS settings with the broker's user.
   */
  public Map<String, Object> clientConfig() {
    return secured == null
        ? Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers())
        : clientConfig(secured.user());
  }

  /** The secured listener's client settings, logging in as {@code user}. */
  public Map<String, Object> clientConfig(KafkaUser user) {
    if (secured == null) {
      throw new IllegalStateException("this broker has no secured listener");
    }
    Map<String, Object> config = new java.util.LinkedHashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + secured.port());
    config.put("security.protocol", "SASL_SSL");
    config.put("sasl.mechanism", "SCRAM-SHA-512");
    config.put("sasl.jaas.config", user.jaasConfig());
    config.put("ssl.truststore.type", "PEM");
    config.put("ssl.truststore.location", secured.tls().certificate().toString());
    return config;
  }

  /** The secured listener, if this broker has one. */
  public java.util.Optional<SecuredListener> secured() {
    return java.util.Optional.ofNullable(secured);
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
    createTopics(topics, PARTITIONS);
  }

  /** Partitions of every catalogue topic on the local broker. */
  public static final int PARTITIONS = 3;

  /** How many input partitions {@code function}'s consumer group shares out here. */
  public static int inputPartitions(dev.tradeflow.events.Function function) {
    return (int)
            function.consumes().stream()
                .map(dev.tradeflow.events.EventType::topic)
                .distinct()
                .count()
        * PARTITIONS;
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
