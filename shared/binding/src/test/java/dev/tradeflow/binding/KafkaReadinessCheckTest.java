package dev.tradeflow.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.broker.KafkaUser;
import dev.tradeflow.broker.LocalKafka;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class KafkaReadinessCheckTest {

  @Test
  void unreachableKafkaIsDownAndSaysWhere() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HealthCheckResponse response = probe(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort));

    assertThat(response.getName()).isEqualTo("tradeflow-kafka");
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(response.getData().orElseThrow())
        .containsEntry("bootstrap.servers", "127.0.0.1:" + closedPort)
        .containsKey("error");
  }

  @Test
  void aSecuredClusterIsUpWithTheRightCredentialsAndDownWithWrongOnesNamingTheCause()
      throws Exception {
    KafkaUser user = new KafkaUser("tradeflow", "right-" + System.nanoTime());
    try (LocalKafka kafka =
        LocalKafka.startSecured(
            Files.createTempDirectory("tradeflow-readiness-"),
            LocalKafka.freePort(),
            LocalKafka.freePort(),
            user,
            true)) {
      assertThat(probe(kafka.clientConfig()).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

      KafkaUser wrong = new KafkaUser(user.name(), "wrong-" + System.nanoTime());
      HealthCheckResponse refused = probe(kafka.clientConfig(wrong));

      assertThat(refused.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(String.valueOf(refused.getData().orElseThrow().get("error")))
          .contains("Authentication failed")
          .contains("invalid credentials")
          .contains("SCRAM-SHA-512")
          .doesNotContain(wrong.password());
      assertThat(refused.getData().orElseThrow().toString()).doesNotContain(wrong.password());
    }
  }

  /** One readiness probe of a check whose clients use {@code client} (the app's kafka.* map). */
  private static HealthCheckResponse probe(Map<String, Object> client) {
    KafkaClientConfig config = new KafkaClientConfig();
    config.bootstrapServers = (String) client.get("bootstrap.servers");
    config.kafkaProperties = new HashMap<>(client);
    KafkaReadinessCheck check = new KafkaReadinessCheck();
    check.kafka = config;
    check.timeout = Duration.ofSeconds(5);
    try {
      return check.call();
    } finally {
      check.close();
    }
  }
}
