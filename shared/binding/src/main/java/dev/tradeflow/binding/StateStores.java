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

/**
 * Opens, starts and closes the compacted-topic stores of a function app, and knows whether all of
 * them have caught up. Each store's entry count and rebuild time are published as metrics.
 */
@ApplicationScoped
public class StateStores {

  @Inject KafkaClientConfig kafka;
  @Inject TopicBootstrap topics;
  @Inject MeterRegistry metrics;

  private final Map<Topic, CompactedTopicStore<?>> open = new ConcurrentHashMap<>();

  /** Opens and starts the store of {@code topic}: it rebuilds in the background. */
  public <V> CompactedTopicStore<V> open(
      Topic topic, ValueCodec<V> codec, List<StoreListener<V>> listeners) {
    topics.ensureTopics();
    CompactedTopicStore<V> store =
        new CompactedTopicStore<>(
            topic.topicName(), kafka.common(), kafka.producerSettings(), codec);
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
