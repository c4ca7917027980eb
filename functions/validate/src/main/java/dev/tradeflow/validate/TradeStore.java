package dev.tradeflow.validate;

import dev.tradeflow.binding.StateCodecs;
import dev.tradeflow.binding.StateStores;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.state.CompactedTopicStore;
import dev.tradeflow.state.StoreListener;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The trade store: tradeId to latest accepted trade, rebuilt from and written through its compacted
 * topic. Validate is the topic's only writer. Decisions on one trade are serialised by a lock
 * striped on the trade id, so concurrent inputs for a trade cannot both decide on stale state.
 */
@ApplicationScoped
public class TradeStore {

  private static final int STRIPES = 256;

  @Inject StateStores stores;

  private final Revisions revisions = new Revisions(Clock.systemUTC());
  private final Object[] locks = new Object[STRIPES];
  private volatile CompactedTopicStore<StoredTrade> store;

  public TradeStore() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  void onStart(@Observes StartupEvent start) {
    open();
  }

  /** Drops the in-memory state and rebuilds it from the topic, as a fresh start would. */
  public void restart() {
    open();
  }

  private void open() {
    StoreListener<StoredTrade> trackRevisions =
        (key, before, after) -> {
          if (after != null) {
            revisions.observe(after.revision());
          }
        };
    store = stores.open(Topic.TRADE_STORE, StateCodecs.STORED_TRADE, List.of(trackRevisions));
  }

  public Revisions revisions() {
    return revisions;
  }

  public Optional<StoredTrade> get(String tradeId) {
    return store.get(tradeId);
  }

  /** Every stored trade, in no particular order. */
  public List<StoredTrade> all() {
    List<StoredTrade> trades = new ArrayList<>(store.size());
    store.forEach((id, trade) -> trades.add(trade));
    return trades;
  }

  /** The stored trades that {@code filter} keeps, ordered by trade id. */
  public List<StoredTrade> sorted(java.util.function.Predicate<StoredTrade> filter) {
    List<StoredTrade> trades = new ArrayList<>();
    store.forEach(
        (id, trade) -> {
          if (filter.test(trade)) {
            trades.add(trade);
          }
        });
    trades.sort(Comparator.comparing(StoredTrade::tradeId));
    return trades;
  }

  public int size() {
    return store.size();
  }

  /**
   * Applies the change (the next decision sees it) and sends it to the topic; the future completes
   * when Kafka has acknowledged it.
   */
  public CompletableFuture<?> write(StoreChange change) {
    return switch (change) {
      case StoreChange.Put put -> store.put(put.trade().tradeId(), put.trade());
      case StoreChange.Delete delete -> store.delete(delete.tradeId());
      case StoreChange.None none -> CompletableFuture.completedFuture(null);
    };
  }

  public <T> T locked(String tradeId, Supplier<T> work) {
    synchronized (locks[Math.floorMod(tradeId.hashCode(), STRIPES)]) {
      return work.get();
    }
  }
}
