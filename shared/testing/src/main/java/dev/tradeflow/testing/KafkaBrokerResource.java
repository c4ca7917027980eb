package dev.tradeflow.testing;

import dev.tradeflow.broker.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts one real KRaft broker per test JVM, with every catalogue topic, and points the app under
 * test at it. The broker outlives each test class, so apps restarted between classes share it. It
 * also gives the app the public key of {@link TestTokens}, so tests call the REST APIs with tokens
 * they sign themselves.
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

  /** The broker's address, and the test issuer's key, issuer and audience for bearer tokens. */
  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(TestTokens.ISSUER.verification());
    config.put("kafka.bootstrap.servers", broker().bootstrapServers());
    config.put("quarkus.kafka.devservices.enabled", "false");
    return config;
  }

  @Override
  public void stop() {
    // kept for the next test class of this JVM; closed at JVM exit
  }
}
