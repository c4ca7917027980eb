package dev.tradeflow.binding;

import dev.tradeflow.events.CloudEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The one way a function's output reaches Kafka: wait for an input's state writes, then send its
 * events. Both bindings and the REST API go through it, behind SmallRye Fault Tolerance:
 *
 * <ul>
 *   <li>a timeout on the whole step;
 *   <li>retries with exponential back-off, but only of the event sends: a refused state write has
 *       been rolled back, so waiting again cannot help, and the caller must handle its input again;
 *   <li>one circuit breaker ({@value #CIRCUIT}): once half the recent steps have failed, it opens
 *       and every step fails at once, without touching Kafka, until it lets a trial through.
 *       Readiness is DOWN while it is open ({@link KafkaCircuit}).
 * </ul>
 *
 * The values below are defaults; each can be overridden in the configuration, for example {@code
 * quarkus.fault-tolerance."dev.tradeflow.binding.KafkaWrites/await".retry.max-retries}. The
 * breaker's open time is {@code tradeflow.kafka.circuit.delay-ms}, read by the readiness check too.
 */
@ApplicationScoped
public class KafkaWrites {

  public static final String CIRCUIT = "tradeflow-kafka-writes";

  @Inject EventPublisher publisher;

  @Timeout(value = 45, unit = ChronoUnit.SECONDS)
  @Retry(
      maxRetries = 3,
      delay = 200,
      jitter = 100,
      maxDuration = 120_000,
      abortOn = {StateWriteException.class, CircuitBreakerOpenException.class})
  @ExponentialBackoff(factor = 3, maxDelay = 5_000)
  @CircuitBreaker(
      requestVolumeThreshold = 4,
      failureRatio = 0.5,
      delay = 10_000,
      successThreshold = 2)
  @CircuitBreakerName(CIRCUIT)
  public void await(PendingWrites writes, List<CloudEvent> events) {
    writes.awaitAll();
    publisher.publishAll(events);
  }
}
