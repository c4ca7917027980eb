package dev.tradeflow.validate;

import dev.tradeflow.binding.EventPublisher;
import dev.tradeflow.binding.KafkaClientConfig;
import dev.tradeflow.binding.TopicBootstrap;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every trade-store decision. Each entry is sent to the append-only audit topic, and the input is
 * acknowledged only once Kafka has it. The REST API's view is read back from that topic, from its
 * beginning, so every instance shows every instance's decisions, and a restart loses none: the
 * newest entries are kept in memory, and every entry is counted by action.
 */
@ApplicationScoped
public class AuditLog {

  /** How long a read of the log waits for the entries written before it. */
  private static final Duration CURRENT_WAIT = Duration.ofSeconds(2);

  @Inject EventPublisher publisher;
  @Inject MeterRegistry metrics;
  @Inject KafkaClientConfig kafka;
  @Inject TopicBootstrap topics;

  private AuditTopicReader reader;

  void onStart(@Observes StartupEvent start) {
    topics.ensureTopics();
    reader = new AuditTopicReader(Topic.AUDIT.topicName(), kafka.common(), this::read);
    reader.start();
  }

  @PreDestroy
  void close() {
    if (reader != null) {
      reader.close();
    }
  }

  private void read(byte[] value) {
    AuditEntry entry;
    try {
      entry = Json.read(value, AuditEntry.class);
    } catch (RuntimeException unreadable) {
      return; // not an entry tradeflow wrote
    }
    synchronized (this) {
      recent.addFirst(entry);
      while (recent.size() > capacity) {
        recent.removeLast();
      }
      counts.merge(entry.action(), 1L, Long::sum);
    }
  }

  @ConfigProperty(name = "tradeflow.validate.audit-entries-in-memory", defaultValue = "10000")
  int capacity;

  private final Deque<AuditEntry> recent = new ArrayDeque<>();
  private final Map<AuditAction, Long> counts = new EnumMap<>(AuditAction.class);

  /** Sends the entry to the audit topic; the future completes when Kafka has it. */
  public CompletableFuture<Void> record(AuditEntry entry) {
    CompletableFuture<Void> sent =
        publisher.sendRecord(Topic.AUDIT, entry.tradeId(), Json.write(entry));
    metrics
        .counter("tradeflow.trade.store.decisions", "action", entry.action().name().toLowerCase())
        .increment();
    return sent;
  }

  /**
   * The newest entries first (one trade's in the order they were written), optionally for one trade
   * only, including every entry written before the call.
   */
  public List<AuditEntry> recent(int limit, Optional<String> tradeId) {
    reader.awaitCurrent(CURRENT_WAIT);
    return newest(limit, tradeId);
  }

  private synchronized List<AuditEntry> newest(int limit, Optional<String> tradeId) {
    List<AuditEntry> found = new ArrayList<>();
    for (Iterator<AuditEntry> it = recent.iterator(); it.hasNext() && found.size() < limit; ) {
      AuditEntry entry = it.next();
      if (tradeId.isEmpty() || tradeId.get().equals(entry.tradeId())) {
        found.add(entry);
      }
    }
    return found;
  }

  /** Every entry on the audit topic, counted by action. */
  public Map<AuditAction, Long> counts() {
    reader.awaitCurrent(CURRENT_WAIT);
    return countsNow();
  }

  private synchronized Map<AuditAction, Long> countsNow() {
    Map<AuditAction, Long> copy = new EnumMap<>(AuditAction.class);
    for (AuditAction action : AuditAction.values()) {
      copy.put(action, counts.getOrDefault(action, 0L));
    }
    return copy;
  }
}
