package dev.tradeflow.binding;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Watches the circuit breaker of {@link KafkaWrites}: logs each change, publishes the state as the
 * gauge {@code tradeflow.circuit.state} (1 for the current state, 0 for the others), and tells the
 * bindings whether to take work. While the breaker is open there is no point handling an input: its
 * writes would fail, and it would be handled again anyway.
 */
@ApplicationScoped
public class KafkaCircuit {

  private static final Logger LOG = Logger.getLogger(KafkaCircuit.class);

  @Inject CircuitBreakerMaintenance breakers;
  @Inject MeterRegistry metrics;

  @ConfigProperty(name = "tradeflow.kafka.circuit.delay-ms", defaultValue = "10000")
  long openMillis;

  private volatile long openedAt;

  void watch(@Observes StartupEvent start) {
    breakers.onStateChange(KafkaWrites.CIRCUIT, this::changed);
    for (CircuitBreakerState each : CircuitBreakerState.values()) {
      Gauge.builder("tradeflow.circuit.state", this, c -> c.state() == each ? 1 : 0)
          .description("state of the circuit breaker on Kafka writes: 1 for the current state")
          .tag("breaker", KafkaWrites.CIRCUIT)
          .tag("state", each.name().toLowerCase(Locale.ROOT))
          .register(metrics);
    }
  }

  private void changed(CircuitBreakerState now) {
    if (now == CircuitBreakerState.OPEN) {
      openedAt = System.nanoTime();
      LOG.warnf(
          "Kafka writes keep failing: circuit %s is open for %d ms",
          KafkaWrites.CIRCUIT, openMillis);
    } else {
      LOG.infof("circuit %s is %s", KafkaWrites.CIRCUIT, now.name().toLowerCase(Locale.ROOT));
    }
  }

  /** True while Kafka writes go through normally; not while the breaker is open or on trial. */
  public boolean isClosed() {
    return state() == CircuitBreakerState.CLOSED;
  }

  public CircuitBreakerState state() {
    return breakers.currentState(KafkaWrites.CIRCUIT);
  }

  /**
   * How much longer the breaker stays open before it lets a trial through; zero when it is not
   * open, or its open time is over.
   */
  public Duration openFor() {
    if (state() != CircuitBreakerState.OPEN) {
      return Duration.ZERO;
    }
    long left = openMillis - (System.nanoTime() - openedAt) / 1_000_000;
    return Duration.ofMillis(Math.max(0, left));
  }

  /** For HTTP: refuse at once (503) while the breaker is open, before any state is touched. */
  public void checkClosed() {
    Duration left = openFor();
    if (!left.isZero()) {
      throw new NotReadyException(
          "Kafka writes keep failing; the circuit is open for another " + left.toMillis() + " ms");
    }
  }

  /** For the Kafka binding: wait while the breaker is open; false if interrupted. */
  public boolean awaitTrial() {
    Duration left;
    while (!(left = openFor()).isZero()) {
      try {
        Thread.sleep(Math.min(left.toMillis() + 1, 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
