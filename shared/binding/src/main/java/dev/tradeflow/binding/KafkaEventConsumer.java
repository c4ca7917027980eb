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
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * A function's Kafka binding: reads its input topics (one consumer group per function), and
 * acknowledges a record only after its state changes and emitted events are acknowledged by Kafka.
 * A record that is not a readable CloudEvent becomes a rejection on the rejected topic, never a
 * silent skip.
 */
@ApplicationScoped
public class KafkaEventConsumer {

  public static final String CHANNEL = "tradeflow-in";
  private static final Logger LOG = Logger.getLogger(KafkaEventConsumer.class);

  @Inject EventDispatcher dispatcher;
  @Inject EventPublisher publisher;

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> consume(Message<byte[]> message) {
    @SuppressWarnings("unchecked")
    IncomingKafkaRecordMetadata<String, byte[]> record =
        message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
    try {
      CloudEvent event =
          KafkaCloudEvents.fromRecord(
              record.getTopic(),
              record.getPartition(),
              record.getOffset(),
              record.getKey(),
              message.getPayload(),
              record.getHeaders(),
              rawTypeOf(record.getTopic()));
      publisher.publishAll(dispatcher.dispatchWhenReady(event, "kafka"));
    } catch (MalformedEventException e) {
      publisher.publishAll(List.of(rejection(record, message.getPayload(), e.getMessage())));
    } catch (RuntimeException e) {
      LOG.errorf(
          e, "failed on %s-%d@%d", record.getTopic(), record.getPartition(), record.getOffset());
      return message.nack(e);
    }
    return message.ack();
  }

  /** Raw records (no CloudEvent headers) are taken as received trades on the received topic. */
  private static EventType rawTypeOf(String topic) {
    return EventType.TRADE_RECEIVED.topic().topicName().equals(topic)
        ? EventType.TRADE_RECEIVED
        : null;
  }

  private CloudEvent rejection(
      IncomingKafkaRecordMetadata<String, byte[]> record, byte[] payload, String why) {
    String where = record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset();
    CloudEvent cause =
        new CloudEvent(where, "kafka://" + record.getTopic(), "raw", null, null, null, null, null);
    Stage stage = Stage.valueOf(dispatcher.function().name());
    Rejection rejection =
        new Rejection(
            record.getKey(),
            stage,
            RejectReason.MALFORMED_EVENT,
            why,
            "kafka:" + where,
            null,
            Payloads.preserve(payload));
    String key = record.getKey() == null ? where : record.getKey();
    return new Emitter(dispatcher.function(), Clock.systemUTC())
        .emit(cause, EventType.TRADE_REJECTED, key, 0, rejection);
  }
}
