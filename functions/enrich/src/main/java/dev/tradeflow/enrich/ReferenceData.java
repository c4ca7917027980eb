package dev.tradeflow.enrich;

import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.binding.StateStores;
import dev.tradeflow.enrich.reference.ReferenceChange;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.FxRate;
import dev.tradeflow.model.Instrument;
import dev.tradeflow.model.ReferenceKind;
import dev.tradeflow.model.ReferenceRecord;
import dev.tradeflow.state.CompactedTopicStore;
import dev.tradeflow.state.ValueCodec;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind of reference data, each rebuilt from and following its compacted topic. Enrich is the
 * one writer of these topics: {@link #apply} is the only place a change is written.
 */
@ApplicationScoped
public class ReferenceData implements References {

  @Inject StateStores stores;

  private final Map<ReferenceKind, CompactedTopicStore<ReferenceRecord>> byKind =
      new EnumMap<>(ReferenceKind.class);

  void onStart(@Observes StartupEvent start) {
    for (ReferenceKind kind : ReferenceKind.values()) {
      byKind.put(kind, stores.open(kind.topic(), codec(kind)));
    }
  }

  private static ValueCodec<ReferenceRecord> codec(ReferenceKind kind) {
    return ValueCodec.of(Json::write, bytes -> Json.read(bytes, kind.type()));
  }

  public Optional<ReferenceRecord> get(ReferenceKind kind, String key) {
    return byKind.get(kind).get(key);
  }

  /** Every value of {@code kind}, by key. */
  public List<ReferenceRecord> all(ReferenceKind kind) {
    List<ReferenceRecord> all = new ArrayList<>();
    byKind.get(kind).forEach((key, value) -> all.add(value));
    all.sort(Comparator.comparing(ReferenceRecord::key));
    return all;
  }

  @Override
  public Optional<Counterparty> counterparty(String id) {
    return get(ReferenceKind.COUNTERPARTIES, id).map(Counterparty.class::cast);
  }

  @Override
  public Optional<Book> book(String id) {
    return get(ReferenceKind.BOOKS, id).map(Book.class::cast);
  }

  @Override
  public Optional<Instrument> instrument(String id) {
    return get(ReferenceKind.INSTRUMENTS, id).map(Instrument.class::cast);
  }

  @Override
  public Optional<FxRate> fxRate(String currency) {
    return get(ReferenceKind.FX_RATES, currency).map(FxRate.class::cast);
  }

  /**
   * Writes the change through its compacted topic, adding the write to {@code writes}; true if it
   * changes anything. Storing the value already held, or removing what is not there, writes
   * nothing, so a replayed change is harmless.
   */
  public boolean apply(ReferenceChange change, PendingWrites writes) {
    CompactedTopicStore<ReferenceRecord> store = byKind.get(change.kind());
    Optional<ReferenceRecord> held = store.get(change.key());
    switch (change) {
      case ReferenceChange.Put put -> {
        if (held.isPresent() && held.get().equals(put.value())) {
          return false;
        }
        writes.add(store.put(put.key(), put.value()));
      }
      case ReferenceChange.Remove remove -> {
        if (held.isEmpty()) {
          return false;
        }
        writes.add(store.delete(remove.key()));
      }
    }
    return true;
  }
}
