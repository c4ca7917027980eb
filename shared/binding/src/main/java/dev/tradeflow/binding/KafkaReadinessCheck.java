package dev.tradeflow.binding;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while the Kafka cluster cannot be reached: every input's outputs and state
 * writes go to Kafka, so a function that cannot write must not take work, on either binding. The
 * answer is cached briefly so that probes do not flood the cluster.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

  @Inject KafkaClientConfig kafka;

  @ConfigProperty(name = "tradeflow.health.kafka-timeout", defaultValue = "PT2S")
  Duration timeout;

  private Admin admin;
  private volatile HealthCheckResponse last;
  private volatile long lastAt;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponse cached = last;
    if (cached != null && System.nanoTime() - lastAt < TimeUnit.SECONDS.toNanos(2)) {
      return cached;
    }
    HealthCheckResponse response = probe();
    last = response;
    lastAt = System.nanoTime();
    return response;
  }

  private HealthCheckResponse probe() {
    try {
      int brokers =
          admin()
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
              .nodes()
              .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
              .size();
      return HealthCheckResponse.named("tradeflow-kafka")
          .withData("bootstrap.servers", kafka.bootstrapServers())
          .withData("brokers", brokers)
          .status(brokers > 0)
          .build();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return HealthCheckResponse.named("tradeflow-kafka")
          .withData("bootstrap.servers", kafka.bootstrapServers())
          .withData("error", String.valueOf(e.getMessage()))
          .down()
          .build();
    }
  }

  private synchronized Admin admin() {
    if (admin == null) {
      Map<String, Object> config = kafka.common();
      config.put(AdminClientConfig.CLIENT_ID_CONFIG, "tradeflow-health");
      config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
      config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
      admin = Admin.create(config);
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
