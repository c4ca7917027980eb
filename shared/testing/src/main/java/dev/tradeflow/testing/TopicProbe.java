package dev.tradeflow.testing;

import dev.tradeflow.cloudevents.EventWatch;
import dev.tradeflow.cloudevents.TopicTail;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Topic;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the events that reach one event type's topic of the test broker, from now on. */
public final class TopicProbe implements AutoCloseable {

  private final EventWatch watch;

  private TopicProbe(EventType type) {
    watch = EventWatch.fromNow(KafkaBrokerResource.broker().bootstrapServers(), type);
  }

  public static TopicProbe open(EventType type) {
    return new TopicProbe(type);
  }

  /** The records that reach {@code topic} from now on, as they are, headers included. */
  public static TopicTail<ConsumerRecord<String, byte[]>> records(Topic topic) {
    return TopicTail.records(
        KafkaBrokerResource.broker().bootstrapServers(), List.of(topic.topicName()));
  }

  public List<CloudEvent> await(int count, Predicate<CloudEvent> filter, Duration timeout) {
    return watch.await(count, filter, timeout);
  }

  public List<CloudEvent> await(int count, Predicate<CloudEvent> filter) {
    return watch.await(count, filter, Duration.ofSeconds(30));
  }

  /** Everything seen so far, after reading for {@code window} more. */
  public List<CloudEvent> drain(Duration window) {
    return watch.drain(window);
  }

  @Override
  public void close() {
    watch.close();
  }
}
