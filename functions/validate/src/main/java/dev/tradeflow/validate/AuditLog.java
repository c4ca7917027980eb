package dev.tradeflow.validate;

import dev.tradeflow.binding.EventPublisher;
import dev.tradeflow.binding.KafkaClientConfig;
import dev.tradeflow.binding.TopicBootstrap;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every trade-store decision. Each entry is sent to the append-only audit topic, and the input is
 * acknowledged only once Kafka has it. The REST API's view is read back from that topic, from its
 * beginning, so every instance shows every instance's decisions, and a restart loses none: the
 * newest entries are kept in memory, and every entry is counted by action.
 */
@ApplicationScoped
public class AuditLog {

  /** The record header naming the entry's action, so that counting needs no decoding. */
  static final String ACTION_HEADER = "tradeflow-audit-action";

  /** How long a read of the log waits for the entries written before it. */
  private static final Duration CURRENT_WAIT = Duration.ofSeconds(2);

  @Inject EventPublisher publisher;
  @Inject MeterRegistry metrics;
  @Inject KafkaClientConfig kafka;
  @Inject TopicBootstrap topics;

  private AuditTopicReader reader;

  /** Decisions made here, by action: each counter looked up once, not once per decision. */
  private final Map<AuditAction, Counter> decisions = new EnumMap<>(AuditAction.class);

  @PostConstruct
  void registerCounters() {
    for (AuditAction action : AuditAction.values()) {
      decisions.put(
          action,
          metrics.counter(
              "tradeflow.trade.store.decisions", "action", action.name().toLowerCase(Locale.ROOT)));
    }
  }

  void onStart(@Observes StartupEvent start) {
    topics.ensureTopics();
    reader = new AuditTopicReader(Topic.AUDIT.topicName(), kafka.bulkFollowerConfig(), this::read);
    reader.start();
  }

  @PreDestroy
  void close() {
    if (reader != null) {
      reader.close();
    }
  }

  /**
   * Counts the entry by the action in its header, and keeps its bytes: an entry is decoded only
   * when a reader asks for it (an entry written without the header is decoded to be counted).
   */
  private void read(ConsumerRecord<String, byte[]> record) {
    AuditAction action = actionOf(record);
    if (action == null) {
      return; // not an entry tradeflow wrote
    }
    synchronized (this) {
      recent.addFirst(new Written(record.key(), record.value()));
      while (recent.size() > capacity) {
        recent.removeLast();
      }
      counts.merge(action, 1L, Long::sum);
    }
  }

  private static AuditAction actionOf(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(ACTION_HEADER);
    if (header != null && header.value() != null) {
      try {
        return AuditAction.valueOf(new String(header.value(), StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException unknown) {
        // fall through to the entry itself
      }
    }
    return decode(record.value()).map(AuditEntry::action).orElse(null);
  }

  private static Optional<AuditEntry> decode(byte[] value) {
    try {
      return Optional.of(Json.read(value, AuditEntry.class));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** An entry as it is on the topic: its trade (the record key) and its JSON. */
  private record Written(String tradeId, byte[] json) {}

  @ConfigProperty(name = "tradeflow.validate.audit-entries-in-memory", defaultValue = "10000")
  int capacity;

  private final Deque<Written> recent = new ArrayDeque<>();
  private final Map<AuditAction, Long> counts = new EnumMap<>(AuditAction.class);

  /** Sends the entry to the audit topic; the future completes when Kafka has it. */
  public CompletableFuture<Void> record(AuditEntry entry) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topic.AUDIT.topicName(), entry.tradeId(), Json.write(entry));
    record.headers().add(ACTION_HEADER, entry.action().name().getBytes(StandardCharsets.US_ASCII));
    CompletableFuture<Void> sent = publisher.sendRecord(record);
    decisions.get(entry.action()).increment();
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
    for (Iterator<Written> it = recent.iterator(); it.hasNext() && found.size() < limit; ) {
      Written written = it.next();
      if (tradeId.isEmpty() || tradeId.get().equals(written.tradeId())) {
        decode(written.json())
            .filter(entry -> tradeId.isEmpty() || tradeId.get().equals(entry.tradeId()))
            .ifPresent(found::add);
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
