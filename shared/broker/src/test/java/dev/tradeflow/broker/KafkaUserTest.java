package dev.tradeflow.broker;

import static org.assertj.core.api.Assertions.assertThat;

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
}
