package dev.tradeflow.testing;

import dev.tradeflow.broker.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one real KRaft broker per test JVM, with every catalogue topic, and points the app under
 * test at it. The broker outlives each test class, so apps restarted between classes share it.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

  private static LocalKafka broker;

  public static synchronized LocalKafka broker() {
    if (broker == null) {
      broker = LocalKafka.startTemporary();
      broker.createCatalogueTopics();
      LocalKafka started = broker;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return broker;
  }

  @Override
  public Map<String, String> start() {
    return Map.of(
        "kafka.bootstrap.servers",
        broker().bootstrapServers(),
        "quarkus.kafka.devservices.enabled",
        "false");
  }

  @Override
  public void stop() {
    // kept for the next test class of this JVM; closed at JVM exit
  }
}
