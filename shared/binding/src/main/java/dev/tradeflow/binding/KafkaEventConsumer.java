package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.KafkaCloudEvents;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.RejectReason;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * A function's Kafka binding: reads its input topics (one consumer group per function) a poll batch
 * at a time. The batch is one unit of work ({@link EventDispatcher#start}): each record is handled
 * in order, and its state writes and events go to Kafka without waiting. The next batch is handled
 * while they are in flight (up to {@code tradeflow.kafka.max-in-flight-batches}); a batch is
 * acknowledged once Kafka has taken all its writes, and the commit strategy commits an offset only
 * when every record before it is acknowledged ({@link InFlightBatches}).
 *
 * <ul>
 *   <li>A poison record does not stop the batch. One that is not a readable CloudEvent becomes a
 *       {@code MALFORMED_EVENT} rejection; one the function fails on becomes an {@code
 *       INTERNAL_ERROR} rejection. Either way the record itself, headers and all, goes to the
 *       dead-letter topic with the reason in headers ({@link DeadLetters}).
 *   <li>If Kafka does not take the batch's writes, the batch is neither acknowledged nor dropped:
 *       handling stops until every write in flight has its answer (a refused one is rolled back),
 *       then each failed batch is handled again, oldest first and waiting for Kafka each time,
 *       after a back-off, and again, until Kafka takes it. While the circuit breaker is open the
 *       binding waits without handling anything. The trade store's version rule and aggregates
 *       rebuilt from each trade's last contribution make handling a record twice harmless.
 * </ul>
 */
@ApplicationScoped
public class KafkaEventConsumer {

  public static final String CHANNEL = "tradeflow-in";
  private static final Logger LOG = Logger.getLogger(KafkaEventConsumer.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  @Inject EventDispatcher dispatcher;
  @Inject KafkaCircuit circuit;
  @Inject EventPublisher publisher;

  @ConfigProperty(name = "tradeflow.kafka.max-in-flight-batches", defaultValue = "32")
  int maxInFlight;

  @Inject KafkaClientConfig config;
  @Inject KafkaWrites kafka;

  private final ReentrantLock handling = new ReentrantLock();
  private final ExecutorService retrier =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("tradeflow-retry").factory());
  private InFlightBatches<Message<List<byte[]>>> inFlight;
  private final java.util.Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();

  @Inject MeterRegistry metrics;

  @PostConstruct
  void init() {
    inFlight = new InFlightBatches<>(maxInFlight, Message::ack);
    Gauge.builder("tradeflow.kafka.input.partitions", owned, java.util.Set::size)
        .description("input partitions this instance handles (its share of the consumer group)")
        .register(metrics);
  }

  @PreDestroy
  void close() {
    retrier.shutdownNow();
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> consume(Message<List<byte[]>> batch) {
    IncomingKafkaRecordBatchMetadata<String, byte[]> records = records(batch);
    try {
      dispatcher.awaitState(Binding.KAFKA);
    } catch (RuntimeException e) {
      LOG.errorf(e, "state could not be rebuilt; %d records left unacknowledged", records.count());
      return batch.nack(e);
    }
    handling.lock();
    try {
      if (!retryFailed() || !inFlight.awaitRoom()) {
        return batch.nack(new EventProcessingException("stopped with batches in flight", null));
      }
      if (!allOwned(records)) {
        // polled before its partitions were given up: neither handled nor acknowledged, so no
        // acknowledgement can reach the commit tracking of a later assignment; whoever holds the
        // partitions now reads them again from the last committed offset
        LOG.infof("passing over a batch of %d records from partitions given up", records.count());
        return CompletableFuture.completedFuture(null);
      }
      if (!circuit.isClosed()) {
        return trial(batch);
      }
      CompletableFuture<Void> written;
      try {
        written = dispatcher.start(Binding.KAFKA, unit -> handleAll(records.getRecords(), unit));
      } catch (RuntimeException e) {
        return batch.nack(e);
      }
      inFlight.add(batch, written);
      written.whenComplete(
          (ok, refused) -> {
            if (refused != null && !dispatcher.stopping()) {
              retrier.execute(this::retryFailedInTurn);
            }
          });
      return CompletableFuture.completedFuture(null);
    } finally {
      handling.unlock();
    }
  }

  /**
   * While Kafka has been refusing writes, a batch is a trial: handled the waiting way, through the
   * circuit breaker, once every earlier batch has been answered (and handled again if refused).
   */
  private CompletionStage<Void> trial(Message<List<byte[]>> batch) {
    while (!inFlight.awaitNoneInFlight(config.verdictWait())) {
      if (dispatcher.stopping()) {
        return batch.nack(new EventProcessingException("stopped with batches in flight", null));
      }
    }
    return retryFailed() && handleUntilTaken(batch)
        ? batch.ack()
        : batch.nack(new EventProcessingException("stopped before Kafka took the batch", null));
  }

  private void retryFailedInTurn() {
    handling.lock();
    try {
      retryFailed();
    } finally {
      handling.unlock();
    }
  }

  /**
   * Once every batch in flight has its answer, handles again, oldest first, the oldest batch that
   * had a write refused and every batch after it, each until Kafka takes it. False if the app
   * stopped first.
   */
  private boolean retryFailed() {
    while (inFlight.hasRefused()) {
      List<InFlightBatches.Retry<Message<List<byte[]>>>> retries =
          inFlight.takeForRetry(config.verdictWait());
      if (retries == null) {
        LOG.warnf("writes of %d batches still have no answer from Kafka; waiting", inFlight.size());
      } else {
        LOG.warnf("Kafka refused a write; handling %d batches again, in order", retries.size());
        retries.stream().filter(r -> !r.acknowledged()).forEach(r -> countRefusal());
        for (InFlightBatches.Retry<Message<List<byte[]>>> retry : retries) {
          if (!handleUntilTaken(retry.batch())) {
            retry.batch().nack(new EventProcessingException("stopped before Kafka took it", null));
            return false;
          }
          if (!retry.acknowledged()) {
            retry.batch().ack();
          }
        }
      }
      if (dispatcher.stopping()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A batch whose writes Kafka refused while in flight counts against the circuit breaker, as a
   * refused wait in {@link KafkaWrites#await} does: it goes through that guarded step, which fails
   * at once.
   */
  private void countRefusal() {
    PendingWrites refused = new PendingWrites(Duration.ZERO);
    refused.add(CompletableFuture.failedFuture(new StateWriteException("refused in flight", null)));
    try {
      kafka.await(refused, List.of());
    } catch (RuntimeException expected) {
      // counted; the batch is handled again next
    }
  }

  /**
   * Handles the batch again and again, waiting for Kafka each time, with back-off, until Kafka
   * takes all its writes. False if the app stopped first.
   */
  private boolean handleUntilTaken(Message<List<byte[]>> batch) {
    IncomingKafkaRecordBatchMetadata<String, byte[]> records = records(batch);
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 2; !dispatcher.stopping() && circuit.awaitTrial(); attempt++) {
      try {
        dispatcher.run(Binding.KAFKA, unit -> handleAll(records.getRecords(), unit));
        LOG.infof("Kafka took the batch of %d records on attempt %d", records.count(), attempt);
        return true;
      } catch (RuntimeException e) {
        if (dispatcher.stopping()) {
          return false;
        }
        LOG.warnf(
            "Kafka did not take a batch of %d records from %s (attempt %d): %s; again in %d ms",
            records.count(), records.partitions(), attempt, e.toString(), backoff.toMillis());
        if (!sleep(backoff)) {
          return false;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    return false;
  }

  /** Partitions of the input this instance now handles. */
  void take(Collection<TopicPartition> partitions) {
    owned.addAll(partitions);
  }

  /**
   * Gives partitions up: from now on a batch polled from them is not handled here (their new owner
   * handles them from the last committed offset), and once the batch being handled is done, waits
   * up to {@code patience} for every write in flight to be acknowledged, so that the new owner's
   * state has all of them when it catches up. False if some were still in flight.
   */
  boolean release(Collection<TopicPartition> partitions, Duration patience) {
    owned.removeAll(partitions);
    long deadline = System.nanoTime() + patience.toNanos();
    try {
      if (!handling.tryLock(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return false; // a batch held up by a Kafka outage: its records are passed over from now
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      return inFlight.awaitNoneInFlight(
          Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    } finally {
      handling.unlock();
    }
  }

  @SuppressWarnings("unchecked")
  private static IncomingKafkaRecordBatchMetadata<String, byte[]> records(
      Message<List<byte[]>> batch) {
    return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
  }

  /** Each record in order, until Kafka refuses a write (then the unit fails in its await). */
  private Void handleAll(Iterable<ConsumerRecord<String, byte[]>> records, UnitOfWork unit) {
    for (ConsumerRecord<String, byte[]> record : records) {
      if (dispatcher.stopping()) {
        throw new EventProcessingException("stopped while handling a batch", null);
      }
      if (unit.writes().refused()) {
        break;
      }
      unit.publish(handle(record, unit));
    }
    return null;
  }

  /** Whether every record of the batch is of a partition this instance still handles. */
  private boolean allOwned(IncomingKafkaRecordBatchMetadata<String, byte[]> records) {
    return records.partitions().stream().allMatch(owned::contains);
  }

  private List<CloudEvent> handle(ConsumerRecord<String, byte[]> record, UnitOfWork unit) {
    try {
      CloudEvent event = KafkaCloudEvents.fromRecord(record, rawTypeOf(record.topic()));
      return unit.handle(event);
    } catch (MalformedEventException e) {
      return poison(
          record, DeadLetters.Reason.MALFORMED_EVENT, RejectReason.MALFORMED_EVENT, e, unit);
    } catch (EventProcessingException e) {
      if (dispatcher.stopping()) {
        throw e; // the app is going down under the handler: not the record's fault
      }
      LOG.errorf(e, "%s failed on %s", dispatcher.function().id(), DeadLetters.where(record));
      return poison(
          record, DeadLetters.Reason.PROCESSING_FAILED, RejectReason.INTERNAL_ERROR, e, unit);
    }
  }

  /** Raw records (no CloudEvent headers) are taken as received trades on the received topic. */
  private static EventType rawTypeOf(String topic) {
    return EventType.TRADE_RECEIVED.topic().topicName().equals(topic)
        ? EventType.TRADE_RECEIVED
        : null;
  }

  /** The record to the dead-letter topic (a write of this batch), and a rejection to emit. */
  private List<CloudEvent> poison(
      ConsumerRecord<String, byte[]> record,
      DeadLetters.Reason reason,
      RejectReason rejectReason,
      RuntimeException cause,
      UnitOfWork unit) {
    Clock clock = Clock.systemUTC();
    unit.writes()
        .add(
            publisher.sendRecord(
                DeadLetters.of(record, dispatcher.function(), reason, cause, clock.instant())));
    if (!Topic.byName(record.topic()).carriesTrades()) {
      return List.of(); // a reference-data change, say: the dead letter is the whole answer
    }
    return List.of(
        DeadLetters.rejection(record, dispatcher.function(), rejectReason, cause, clock));
  }

  private static boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
