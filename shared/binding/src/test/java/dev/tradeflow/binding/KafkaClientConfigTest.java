package dev.tradeflow.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientConfigTest {

  private static KafkaClientConfig config(Duration followerWait) {
    KafkaClientConfig config = new KafkaClientConfig();
    config.bootstrapServers = "localhost:9092";
    config.kafkaProperties = Map.of("security.protocol", "SASL_SSL");
    config.followerFetchWait = followerWait;
    return config;
  }

  @Test
  void followersWaitForAFullFetchOrTheConfiguredTime() {
    Map<String, Object> follower = config(Duration.ofMillis(250)).bulkFollowerConfig();

    assertThat(follower)
        .containsEntry("fetch.min.bytes", 1024 * 1024)
        .containsEntry("fetch.max.wait.ms", 250)
        .containsEntry("bootstrap.servers", "localhost:9092")
        .containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void theSharedSettingsKeepTheBrokersDefaultFetch() {
    assertThat(config(Duration.ofMillis(250)).common())
        .doesNotContainKeys("fetch.min.bytes", "fetch.max.wait.ms");
  }
}
