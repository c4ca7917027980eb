package dev.tradeflow.binding;

import dev.tradeflow.events.Topic;
import dev.tradeflow.state.CompactedTopicStore;
import dev.tradeflow.state.RebuildStatus;
import dev.tradeflow.state.StoreListener;
import dev.tradeflow.state.ValueCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;

/**
 * Opens, starts and closes the compacted-topic stores of a function app, and knows whether all of
 * them have caught up. Each store's entry count and rebuild time are published as metrics.
 */
@ApplicationScoped
public class StateStores {

  @Inject KafkaClientConfig kafka;
  @Inject TopicBootstrap topics;
  @Inject EventPublisher publisher;
  @Inject MeterRegistry metrics;

  private static final Duration CATCH_UP_CHECK = Duration.ofMillis(10);

  private final Map<Topic, CompactedTopicStore<?>> open = new ConcurrentHashMap<>();
  private volatile Map<TopicPartition, Long> catchUpTo = Map.of();

  /** Opens and starts the store of {@code topic}: it rebuilds in the background. */
  public <V> CompactedTopicStore<V> open(
      Topic topic, ValueCodec<V> codec, List<StoreListener<V>> listeners) {
    topics.ensureTopics();
    CompactedTopicStore<V> store =
        new CompactedTopicStore<>(
            topic.topicName(), readerConfig(topic), publisher.producer(), codec);
    listeners.forEach(store::addListener);
    CompactedTopicStore<?> previous = open.put(topic, store);
    if (previous != null) {
      previous.close();
    } else {
      registerMetrics(topic);
    }
    store.start();
    return store;
  }

  /**
   * Reference data is followed at once: a trade may come right behind a change another instance
   * took, and these topics are quiet. The stores a function writes as it works wait for a full
   * fetch ({@link KafkaClientConfig#bulkFollowerConfig()}).
   */
  private Map<String, Object> readerConfig(Topic topic) {
    return Topic.REFERENCE_DATA.contains(topic) ? kafka.common() : kafka.bulkFollowerConfig();
  }

  public <V> CompactedTopicStore<V> open(Topic topic, ValueCodec<V> codec) {
    return open(topic, codec, List.of());
  }

  private void registerMetrics(Topic topic) {
    Gauge.builder("tradeflow.state.entries", open, stores -> entries(stores.get(topic)))
        .tag("topic", topic.topicName())
        .description("entries in the in-memory state rebuilt from this compacted topic")
        .register(metrics);
    Gauge.builder(
            "tradeflow.state.rebuild.seconds", open, stores -> rebuildSeconds(stores.get(topic)))
        .tag("topic", topic.topicName())
        .description("how long the last rebuild from this compacted topic took")
        .register(metrics);
  }

  private static double entries(CompactedTopicStore<?> store) {
    return store == null ? 0 : store.size();
  }

  private static double rebuildSeconds(CompactedTopicStore<?> store) {
    return store == null ? 0 : store.status().rebuildDuration().toNanos() / 1e9;
  }

  public List<RebuildStatus> statuses() {
    return open.values().stream().map(CompactedTopicStore::status).toList();
  }

  /** The topics of the open stores. */
  public java.util.Set<String> topics() {
    return open.keySet().stream()
        .map(Topic::topicName)
        .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * From now on, input is handled only once every store has read its topic up to {@code offsets}:
   * the end offsets when this instance was given partitions another instance handled before, whose
   * state writes must all be here before this one decides on them.
   */
  public void catchUpTo(Map<TopicPartition, Long> offsets) {
    catchUpTo = Map.copyOf(offsets);
  }

  /**
   * Waits until every store has read up to the offsets of {@link #catchUpTo}. Throws {@link
   * NotReadyException} if one has not after {@code timeout}.
   */
  public void awaitCaughtUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<TopicPartition, Long> target = catchUpTo;
    while (!open.values().stream().allMatch(store -> store.hasReached(target))) {
      if (System.nanoTime() > deadline) {
        throw new NotReadyException("state has not caught up with " + target);
      }
      try {
        Thread.sleep(CATCH_UP_CHECK.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NotReadyException("interrupted while catching up with " + target);
      }
    }
  }

  public boolean allReady() {
    return open.values().stream().allMatch(CompactedTopicStore::isReady);
  }

  /**
   * Waits until every store has caught up. Throws {@link NotReadyException} if one is still
   * rebuilding after {@code timeout}, and {@link EventProcessingException} if one has failed.
   */
  public void awaitReady(Duration timeout) {
    for (CompactedTopicStore<?> store : open.values()) {
      try {
        store.ready().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new NotReadyException(describe(store.status()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NotReadyException("interrupted while waiting for " + store.topic());
      } catch (java.util.concurrent.ExecutionException e) {
        throw new EventProcessingException(
            "state from " + store.topic() + " could not be rebuilt: " + e.getCause(), e);
      }
    }
  }

  public static String describe(RebuildStatus status) {
    String text =
        "state from "
            + status.topic()
            + " is "
            + status.phase().name().toLowerCase()
            + ", "
            + status.recordsToGo()
            + " records to go";
    return status.problem() == null ? text : text + " (" + status.problem() + ")";
  }

  @PreDestroy
  void closeAll() {
    open.values().forEach(CompactedTopicStore::close);
  }
}
