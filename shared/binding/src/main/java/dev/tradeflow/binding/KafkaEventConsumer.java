package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.KafkaCloudEvents;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.model.RejectReason;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * A function's Kafka binding: reads its input topics (one consumer group per function) a poll batch
 * at a time. The batch is one unit of work ({@link EventDispatcher#run}): each record is handled in
 * order, then the batch waits once for all its state writes, sends all its emitted events, and only
 * then is acknowledged.
 *
 * <ul>
 *   <li>A poison record does not stop the batch. One that is not a readable CloudEvent becomes a
 *       {@code MALFORMED_EVENT} rejection; one the function fails on becomes an {@code
 *       INTERNAL_ERROR} rejection. Either way the record itself, headers and all, goes to the
 *       dead-letter topic with the reason in headers ({@link DeadLetters}).
 *   <li>If Kafka does not take the batch's writes, the batch is neither acknowledged nor dropped:
 *       once every write has its answer (a refused one is rolled back), the batch is handled again
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

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> consume(Message<List<byte[]>> batch) {
    @SuppressWarnings("unchecked")
    IncomingKafkaRecordBatchMetadata<String, byte[]> records =
        batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
    try {
      dispatcher.awaitState(Binding.KAFKA);
    } catch (RuntimeException e) {
      LOG.errorf(e, "state could not be rebuilt; %d records left unacknowledged", records.count());
      return batch.nack(e);
    }
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; !dispatcher.stopping() && circuit.awaitTrial(); attempt++) {
      try {
        dispatcher.run(Binding.KAFKA, unit -> handleAll(records.getRecords(), unit));
        if (attempt > 1) {
          LOG.infof("Kafka took the batch of %d records on attempt %d", records.count(), attempt);
        }
        return batch.ack();
      } catch (RuntimeException e) {
        if (dispatcher.stopping()) {
          return batch.nack(e);
        }
        LOG.warnf(
            "Kafka did not take a batch of %d records from %s (attempt %d): %s; again in %d ms",
            records.count(), records.partitions(), attempt, e.toString(), backoff.toMillis());
        if (!sleep(backoff)) {
          return batch.nack(e);
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    return batch.nack(new EventProcessingException("stopped before Kafka took the batch", null));
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
