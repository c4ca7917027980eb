package dev.tradeflow.validate;

import dev.tradeflow.binding.EventPublisher;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * acknowledged only once Kafka has it; the most recent ones are also kept in memory for the REST
 * API.
 */
@ApplicationScoped
public class AuditLog {

  @Inject EventPublisher publisher;
  @Inject MeterRegistry metrics;

  @ConfigProperty(name = "tradeflow.validate.audit-entries-in-memory", defaultValue = "10000")
  int capacity;

  private final Deque<AuditEntry> recent = new ArrayDeque<>();
  private final Map<AuditAction, Long> counts = new EnumMap<>(AuditAction.class);

  /** Keeps the entry and sends it to the audit topic; the future completes when Kafka has it. */
  public CompletableFuture<Void> record(AuditEntry entry) {
    CompletableFuture<Void> sent =
        publisher.sendRecord(Topic.AUDIT, entry.tradeId(), Json.write(entry));
    synchronized (this) {
      recent.addFirst(entry);
      while (recent.size() > capacity) {
        recent.removeLast();
      }
      counts.merge(entry.action(), 1L, Long::sum);
    }
    metrics
        .counter("tradeflow.trade.store.decisions", "action", entry.action().name().toLowerCase())
        .increment();
    return sent;
  }

  /** The newest entries first, optionally for one trade only. */
  public synchronized List<AuditEntry> recent(int limit, Optional<String> tradeId) {
    List<AuditEntry> found = new ArrayList<>();
    for (Iterator<AuditEntry> it = recent.iterator(); it.hasNext() && found.size() < limit; ) {
      AuditEntry entry = it.next();
      if (tradeId.isEmpty() || tradeId.get().equals(entry.tradeId())) {
        found.add(entry);
      }
    }
    return found;
  }

  public synchronized Map<AuditAction, Long> counts() {
    Map<AuditAction, Long> copy = new EnumMap<>(AuditAction.class);
    for (AuditAction action : AuditAction.values()) {
      copy.put(action, counts.getOrDefault(action, 0L));
    }
    return copy;
  }
}
