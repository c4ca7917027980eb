package dev.tradeflow.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class KafkaReadinessCheckTest {

  @Test
  void unreachableKafkaIsDownAndSaysWhere() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    KafkaClientConfig config = new KafkaClientConfig();
    config.bootstrapServers = "127.0.0.1:" + closedPort;
    config.securityProtocol = Optional.empty();
    config.saslMechanism = Optional.empty();
    config.saslJaasConfig = Optional.empty();
    KafkaReadinessCheck check = new KafkaReadinessCheck();
    check.kafka = config;
    check.timeout = Duration.ofMillis(500);
    try {
      HealthCheckResponse response = check.call();

      assertThat(response.getName()).isEqualTo("tradeflow-kafka");
      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(response.getData().orElseThrow())
          .containsEntry("bootstrap.servers", "127.0.0.1:" + closedPort)
          .containsKey("error");
    } finally {
      check.close();
    }
  }
}
