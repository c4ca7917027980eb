package dev.tradeflow.expire;

import dev.tradeflow.binding.StateCodecs;
import dev.tradeflow.binding.StateStores;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.state.CompactedTopicStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** A read-only copy of the trade store, followed live: expire never writes it. */
@ApplicationScoped
public class MaturityIndex {

  @Inject StateStores stores;

  private CompactedTopicStore<StoredTrade> trades;

  void onStart(@Observes StartupEvent start) {
    trades = stores.open(Topic.TRADE_STORE, StateCodecs.STORED_TRADE);
  }

  public List<StoredTrade> trades() {
    List<StoredTrade> all = new ArrayList<>(trades.size());
    trades.forEach((id, trade) -> all.add(trade));
    return all;
  }
}
