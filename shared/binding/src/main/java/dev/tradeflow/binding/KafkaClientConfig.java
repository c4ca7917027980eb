package dev.tradeflow.binding;

import jakarta.enterprise.context.ApplicationScoped;
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

  public Map<String, Object> common() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
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
