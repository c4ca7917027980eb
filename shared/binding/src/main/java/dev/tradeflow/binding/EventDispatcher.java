package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.LatencyTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one path every input takes, whichever binding brought it (the Funqy function, the Kafka
 * consumer, the schedule, the REST API): {@link #run} waits for state, lets the work decide (each
 * input type-checked, handled, counted and timed), waits for Kafka to take the state writes, sends
 * the events, and only then returns, so the binding can acknowledge.
 */
@ApplicationScoped
public class EventDispatcher {

  private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

  @Inject EventHandler handler;
  @Inject StateStores stores;
  @Inject MeterRegistry metrics;
  @Inject KafkaCircuit circuit;
  @Inject KafkaWrites kafka;
  @Inject EventPublisher publisher;
  @Inject KafkaClientConfig config;

  @ConfigProperty(name = "tradeflow.http.ready-wait", defaultValue = "PT2S")
  Duration httpReadyWait;

  private volatile boolean stopping;

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  /** True once the app has begun to shut down: an input failing now is not the input's fault. */
  public boolean stopping() {
    return stopping;
  }

  public Function function() {
    return handler.function();
  }

  /**
   * One unit of work. If it fails, it returns only once every state write it made has Kafka's
   * answer (a refused one is rolled back), so the same input can be handled again safely.
   */
  public <R> R run(Binding binding, java.util.function.Function<UnitOfWork, R> work) {
    awaitState(binding);
    UnitOfWork unit = new UnitOfWork(this, binding, new PendingWrites(config.verdictWait()));
    try {
      R result = work.apply(unit);
      unit.publish(unit.endOfInputs());
      kafka.await(unit.writes(), unit.toPublish());
      return result;
    } catch (RuntimeException e) {
      settle(unit);
      throw e;
    }
  }

  /**
   * One unit of work that does not wait for Kafka: the work decides, its state writes and its
   * events go out in the order they were made, and the returned future completes once Kafka has
   * acknowledged them all, or fails with the first refusal. The Kafka binding handles its next
   * batch meanwhile ({@link KafkaEventConsumer}); an event may then reach Kafka before a state
   * write of its batch, and if that write is refused the batch is handled again, emitting the same
   * events (their ids are derived from the input) on state that no longer holds the refused write.
   */
  public CompletableFuture<Void> start(Binding binding, Consumer<UnitOfWork> work) {
    awaitState(binding);
    UnitOfWork unit = new UnitOfWork(this, binding, new PendingWrites(config.verdictWait()));
    try {
      work.accept(unit);
      unit.publish(unit.endOfInputs());
    } catch (RuntimeException e) {
      settle(unit);
      throw e;
    }
    return CompletableFuture.allOf(unit.writes().all(), publisher.sendAll(unit.toPublish()));
  }

  /** Never lets an input be handled again while a write of a failed attempt may still land. */
  private void settle(UnitOfWork unit) {
    Binding binding = unit.binding();
    while (!unit.writes().settle(config.verdictWait()) && binding.patient() && !stopping) {
      LOG.warnf("state writes of a failed %s input still have no answer; waiting", binding.tag());
    }
  }

  /**
   * Waits for state to catch up. A patient binding (Kafka) holds its input however long it takes,
   * since deciding on partial state is wrong; the others wait briefly, then 503, and 503 at once
   * while the circuit breaker on Kafka writes is open.
   */
  public void awaitState(Binding binding) {
    if (!binding.patient()) {
      stores.awaitReady(httpReadyWait);
      circuit.checkClosed();
      return;
    }
    while (true) {
      try {
        stores.awaitReady(Duration.ofSeconds(30));
        stores.awaitCaughtUp(Duration.ofSeconds(30));
        return;
      } catch (NotReadyException stillRebuilding) {
        // keep waiting
      }
    }
  }

  List<CloudEvent> handle(CloudEvent event, Binding binding, PendingWrites writes) {
    EventType type = consumedType(event);
    return decide(event, type, binding, () -> handler.handle(type, event, writes), out -> out);
  }

  <R> R decide(
      CloudEvent cause,
      Binding binding,
      Supplier<R> decision,
      java.util.function.Function<R, List<CloudEvent>> emitted) {
    return decide(cause, consumedType(cause), binding, decision, emitted);
  }

  private <R> R decide(
      CloudEvent cause,
      EventType type,
      Binding binding,
      Supplier<R> decision,
      java.util.function.Function<R, List<CloudEvent>> emitted) {
    Timer.Sample sample = Timer.start(metrics);
    R result;
    try {
      result = decision.get();
    } catch (MalformedEventException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EventProcessingException(
          handler.function().id() + " could not process " + cause + ": " + e.getMessage(), e);
    } finally {
      sample.stop(timer(binding));
    }
    counter("tradeflow.events.in", type.type(), binding).increment();
    if (cause.receivedAt() != null) {
      sinceReceived.record(Duration.between(cause.receivedAt().toInstant(), Instant.now()));
    }
    for (CloudEvent out : emitted.apply(result)) {
      counter("tradeflow.events.out", out.type(), binding).increment();
    }
    return result;
  }

  /** What the unit's inputs held back, written now; its events are counted as emitted. */
  List<CloudEvent> heldBack(Binding binding, PendingWrites writes) {
    List<CloudEvent> events = writes.sendHeldBack();
    for (CloudEvent out : events) {
      counter("tradeflow.events.out", out.type(), binding).increment();
    }
    return events;
  }

  /** The event's type, resolved once per input; a type this function does not take is a 400. */
  private EventType consumedType(CloudEvent event) {
    Function function = handler.function();
    return EventType.of(event.type())
        .filter(type -> function.consumes().contains(type))
        .orElseThrow(
            () ->
                new MalformedEventException(
                    "the "
                        + function.id()
                        + " function takes "
                        + function.consumes().stream().map(EventType::type).toList()
                        + ", not '"
                        + event.type()
                        + "'"));
  }

  /** Each meter is looked up once, not built and looked up again per input. */
  private final Map<Binding, Timer> timers = new ConcurrentHashMap<>();

  private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

  private record CounterKey(String name, String type, Binding binding) {}

  private Timer sinceReceived;

  private Timer timer(Binding binding) {
    return timers.computeIfAbsent(binding, this::newTimer);
  }

  private Timer newTimer(Binding binding) {
    return latency("tradeflow.processing", "time to process one input, state writes included")
        .tag("binding", binding.tag())
        .register(metrics);
  }

  /**
   * From parse receiving the trade to this function taking the event that descends from it. At
   * aggregate, that is the end-to-end latency, received to aggregated.
   */
  @PostConstruct
  void registerSinceReceived() {
    sinceReceived =
        latency(
                "tradeflow.since.received",
                "time from parse receiving the trade to this function taking its event")
            .register(metrics);
  }

  /**
   * A latency timer with the percentiles and histogram every tradeflow timer publishes, its buckets
   * Micrometer's defaults and a bound at each {@link LatencyTarget}.
   */
  static Timer.Builder latency(String name, String description) {
    return Timer.builder(name)
        .description(description)
        .publishPercentiles(0.5, 0.95, 0.99)
        .publishPercentileHistogram()
        .serviceLevelObjectives(LatencyTarget.bounds());
  }

  private Counter counter(String name, String type, Binding binding) {
    return counters.computeIfAbsent(
        new CounterKey(name, type, binding),
        key ->
            Counter.builder(name)
                .tag("type", type)
                .tag("binding", binding.tag())
                .register(metrics));
  }
}
