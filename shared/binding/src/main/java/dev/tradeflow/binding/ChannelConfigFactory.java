package dev.tradeflow.binding;

import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Configures the Kafka input channel from the catalogue, so topic names are written once: the app
 * says which function it is ({@code tradeflow.function}), and its channel reads the topics of the
 * event types that function consumes. application.properties can still override any of it.
 */
public class ChannelConfigFactory implements ConfigSourceFactory {

  private static final String PREFIX = "mp.messaging.incoming." + KafkaEventConsumer.CHANNEL + ".";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue name = context.getValue("tradeflow.function");
    if (name == null || name.getValue() == null) {
      return List.of();
    }
    Function function = Function.valueOf(name.getValue().toUpperCase(Locale.ROOT));
    Map<String, String> config = new HashMap<>();
    config.put(PREFIX + "connector", "smallrye-kafka");
    config.put(
        PREFIX + "topics",
        function.consumes().stream()
            .map(EventType::topic)
            .distinct()
            .map(t -> t.topicName())
            .collect(Collectors.joining(",")));
    config.put(PREFIX + "group.id", function.consumerGroup());
    config.put(
        PREFIX + "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    config.put(
        PREFIX + "value.deserializer",
        "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    config.put(PREFIX + "auto.offset.reset", "earliest");
    config.put(PREFIX + "consumer-rebalance-listener.name", InputRebalanceListener.NAME);
    config.put(PREFIX + "batch", "true");
    // The binding reads each record's CloudEvent itself (KafkaCloudEvents): the connector's own
    // reading of the same headers into metadata, and its tracing spans (no tracer here), were a
    // third of what the event loop allocated per record (JFR, validate at 1,000 trades/s).
    config.put(PREFIX + "cloud-events", "false");
    config.put(PREFIX + "tracing-enabled", "false");
    config.put(PREFIX + "enable.auto.commit", "false");
    // A killed instance's partitions go to the others (or its replacement) after 10 s, not
    // Kafka's default 45 s, during which they would be read by no one.
    config.put(PREFIX + "session.timeout.ms", "10000");
    config.put(PREFIX + "heartbeat.interval.ms", "3000");
    // A batch is held, and handled again, while Kafka does not take its writes
    // (KafkaEventConsumer).
    // Only after this long unacknowledged is the channel failed (liveness DOWN, so a restart).
    config.put(PREFIX + "throttled.unprocessed-record-max-age.ms", "300000");
    config.put("quarkus.application.name", "tradeflow-" + function.id());
    return List.of(new PropertiesConfigSource(config, "tradeflow-catalogue", 150));
  }
}
