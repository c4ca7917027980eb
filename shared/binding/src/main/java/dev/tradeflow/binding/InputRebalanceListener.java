package dev.tradeflow.binding;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Hands input partitions over between instances of one function (one consumer group) without
 * deciding on partial state. The instance giving a partition up stops handling its records and
 * waits for its writes in flight; the instance taking it handles nothing more until every state
 * store has read up to the end offsets Kafka had when the partition was assigned, so it has every
 * write the previous owner made for the records before the committed offset.
 */
@ApplicationScoped
@Identifier(InputRebalanceListener.NAME)
public class InputRebalanceListener implements KafkaConsumerRebalanceListener {

  public static final String NAME = "tradeflow-in-rebalance";
  private static final Logger LOG = Logger.getLogger(InputRebalanceListener.class);
  private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(30);

  @Inject KafkaEventConsumer input;
  @Inject StateStores stores;

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    List<TopicPartition> state = new ArrayList<>();
    for (String topic : stores.topics()) {
      for (PartitionInfo info : consumer.partitionsFor(topic)) {
        state.add(new TopicPartition(topic, info.partition()));
      }
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(state);
    stores.catchUpTo(ends);
    input.take(partitions);
    LOG.infof("input partitions assigned: %s; state catches up to %s first", partitions, ends);
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    boolean settled = input.release(partitions, RELEASE_PATIENCE);
    LOG.infof(
        "input partitions revoked: %s; writes in flight %s",
        partitions, settled ? "all acknowledged" : "still unanswered after " + RELEASE_PATIENCE);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    input.release(partitions, Duration.ZERO);
    LOG.warnf("input partitions lost: %s", partitions);
  }
}
