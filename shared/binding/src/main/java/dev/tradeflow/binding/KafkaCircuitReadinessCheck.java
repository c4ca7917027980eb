package dev.tradeflow.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while the circuit breaker on Kafka writes is open. Once its open time is over
 * it is UP again, so a trial input can come in and close it.
 */
@Readiness
@ApplicationScoped
public class KafkaCircuitReadinessCheck implements HealthCheck {

  @Inject KafkaCircuit circuit;

  @Override
  public HealthCheckResponse call() {
    Duration left = circuit.openFor();
    return HealthCheckResponse.named("tradeflow-kafka-circuit")
        .withData("breaker", KafkaWrites.CIRCUIT)
        .withData("state", circuit.state().name().toLowerCase(Locale.ROOT))
        .withData("open-for-ms", left.toMillis())
        .status(left.isZero())
        .build();
  }
}
