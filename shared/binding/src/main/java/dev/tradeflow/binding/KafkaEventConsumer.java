package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.KafkaCloudEvents;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Payloads;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Stage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * A function's Kafka binding: reads its input topics (one consumer group per function) a poll batch
 * at a time. Each record is handled in order; then the batch waits once for all its state writes,
 * sends all its emitted events, and only then is acknowledged. A record that is not a readable
 * CloudEvent becomes a rejection on the rejected topic, never a silent skip. If Kafka refuses a
 * write, the batch is not acknowledged and the channel stops (liveness goes DOWN), so it is
 * processed again after a restart, on state rebuilt from the topics.
 */
@ApplicationScoped
public class KafkaEventConsumer {

  public static final String CHANNEL = "tradeflow-in";
  private static final Logger LOG = Logger.getLogger(KafkaEventConsumer.class);

  @Inject EventDispatcher dispatcher;
  @Inject EventPublisher publisher;

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> consume(Message<List<byte[]>> batch) {
    @SuppressWarnings("unchecked")
    IncomingKafkaRecordBatchMetadata<String, byte[]> records =
        batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
    try {
      dispatcher.awaitState(true);
      PendingWrites writes = dispatcher.newWrites();
      List<CloudEvent> emitted = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : records.getRecords()) {
        emitted.addAll(handle(record, writes));
      }
      writes.awaitAll();
      publisher.publishAll(emitted);
    } catch (RuntimeException e) {
      LOG.errorf(
          e, "failed on a batch of %d records from %s", records.count(), records.partitions());
      return batch.nack(e);
    }
    return batch.ack();
  }

  private List<CloudEvent> handle(ConsumerRecord<String, byte[]> record, PendingWrites writes) {
    try {
      CloudEvent event = KafkaCloudEvents.fromRecord(record, rawTypeOf(record.topic()));
      return dispatcher.handle(event, "kafka", writes);
    } catch (MalformedEventException e) {
      return List.of(rejection(record, e.getMessage()));
    }
  }

  /** Raw records (no CloudEvent headers) are taken as received trades on the received topic. */
  private static EventType rawTypeOf(String topic) {
    return EventType.TRADE_RECEIVED.topic().topicName().equals(topic)
        ? EventType.TRADE_RECEIVED
        : null;
  }

  private CloudEvent rejection(ConsumerRecord<String, byte[]> record, String why) {
    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
    CloudEvent cause =
        new CloudEvent(where, "kafka://" + record.topic(), "raw", null, null, null, null, null);
    Rejection rejection =
        new Rejection(
            record.key(),
            Stage.valueOf(dispatcher.function().name()),
            RejectReason.MALFORMED_EVENT,
            why,
            "kafka:" + where,
            null,
            Payloads.preserve(record.value()));
    String key = record.key() == null ? where : record.key();
    return new Emitter(dispatcher.function(), Clock.systemUTC())
        .emit(cause, EventType.TRADE_REJECTED, key, 0, rejection);
  }
}
