package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The path every input takes, whichever binding brought it: wait for state, check the type, call
 * the function's handler, count and time it.
 */
@ApplicationScoped
public class EventDispatcher {

  @Inject EventHandler handler;
  @Inject StateStores stores;
  @Inject MeterRegistry metrics;
  @Inject KafkaCircuit circuit;

  @ConfigProperty(name = "tradeflow.http.ready-wait", defaultValue = "PT2S")
  Duration httpReadyWait;

  @Inject KafkaClientConfig kafka;

  public Function function() {
    return handler.function();
  }

  /**
   * Waits for state to catch up. For HTTP ({@code patiently = false}) a short wait, then 503, and
   * 503 at once while the circuit breaker on Kafka writes is open; for Kafka the record is held
   * however long it takes, since deciding on partial state is wrong.
   */
  public void awaitState(boolean patiently) {
    if (!patiently) {
      stores.awaitReady(httpReadyWait);
      circuit.checkClosed();
      return;
    }
    while (true) {
      try {
        stores.awaitReady(Duration.ofSeconds(30));
        return;
      } catch (NotReadyException stillRebuilding) {
        // keep waiting
      }
    }
  }

  /** The writes of one input or batch, awaited until Kafka's verdict on each. */
  public PendingWrites newWrites() {
    return new PendingWrites(kafka.verdictWait());
  }

  /** One input: check its type, let the handler decide, count and time it. */
  public List<CloudEvent> handle(CloudEvent event, String binding, PendingWrites writes) {
    checkType(event);
    Timer.Sample sample = Timer.start(metrics);
    List<CloudEvent> emitted;
    try {
      emitted = handler.handle(event, writes);
    } catch (MalformedEventException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EventProcessingException(
          handler.function().id() + " could not process " + event + ": " + e.getMessage(), e);
    } finally {
      sample.stop(timer(binding));
    }
    counter("tradeflow.events.in", event.type(), binding).increment();
    if (event.receivedAt() != null) {
      sinceReceived().record(Duration.between(event.receivedAt().toInstant(), Instant.now()));
    }
    for (CloudEvent out : emitted) {
      counter("tradeflow.events.out", out.type(), binding).increment();
    }
    return emitted;
  }

  private void checkType(CloudEvent event) {
    Function function = handler.function();
    boolean consumed =
        EventType.of(event.type()).map(type -> function.consumes().contains(type)).orElse(false);
    if (!consumed) {
      throw new MalformedEventException(
          "the "
              + function.id()
              + " function takes "
              + function.consumes().stream().map(EventType::type).toList()
              + ", not '"
              + event.type()
              + "'");
    }
  }

  private Timer timer(String binding) {
    return Timer.builder("tradeflow.processing")
        .description("time to process one input, state writes included")
        .tag("binding", binding)
        .publishPercentiles(0.5, 0.95, 0.99)
        .publishPercentileHistogram()
        .register(metrics);
  }

  /**
   * From parse receiving the trade to this function taking the event that descends from it. At
   * aggregate, that is the end-to-end latency, received to aggregated.
   */
  private Timer sinceReceived() {
    return Timer.builder("tradeflow.since.received")
        .description("time from parse receiving the trade to this function taking its event")
        .publishPercentiles(0.5, 0.95, 0.99)
        .publishPercentileHistogram()
        .register(metrics);
  }

  private Counter counter(String name, String type, String binding) {
    return Counter.builder(name).tag("type", type).tag("binding", binding).register(metrics);
  }
}
