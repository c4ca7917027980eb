package dev.tradeflow.binding;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

  @ConfigProperty(name = "kafka.security.protocol")
  Optional<String> securityProtocol;

  @ConfigProperty(name = "kafka.sasl.mechanism")
  Optional<String> saslMechanism;

  @ConfigProperty(name = "kafka.sasl.jaas.config")
  Optional<String> saslJaasConfig;

  /**
   * Bootstrap servers and, when set, the security settings (the same {@code kafka.*} properties the
   * SmallRye channel reads), so the state stores reach a secured cluster too.
   */
  public Map<String, Object> common() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    securityProtocol.ifPresent(v -> config.put("security.protocol", v));
    saslMechanism.ifPresent(v -> config.put("sasl.mechanism", v));
    saslJaasConfig.ifPresent(v -> config.put("sasl.jaas.config", v));
    return config;
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
