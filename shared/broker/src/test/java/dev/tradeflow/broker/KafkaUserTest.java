package dev.tradeflow.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaUserTest {

  @Test
  void thePasswordGoesIntoTheLoginLineButNeverIntoToString() {
    KafkaUser user = new KafkaUser("tradeflow", "s3cret");

    assertThat(user.jaasConfig())
        .isEqualTo(
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"tradeflow\" password=\"s3cret\";");
    assertThat(user.toString()).contains("tradeflow").doesNotContain("s3cret");
  }

  @Test
  void theKeyStorePasswordIsNeverInToString() {
    BrokerTls tls = new BrokerTls(Path.of("broker.p12"), "k3y-pass", Path.of("broker-ca.pem"));

    assertThat(tls.toString()).contains("broker.p12").doesNotContain("k3y-pass");
  }
}
