package dev.tradeflow.aggregate;

import dev.tradeflow.binding.StateCodecs;
import dev.tradeflow.binding.StateStores;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Contribution;
import dev.tradeflow.state.CompactedTopicStore;
import dev.tradeflow.state.StoreListener;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Each trade's latest contribution, rebuilt from and written through its compacted topic, and the
 * counts derived from them. The counts follow every change the store applies (rebuild, own writes,
 * other instances' writes), so they are always the sum of the contributions.
 */
@ApplicationScoped
public class AggregateState {

  @Inject StateStores stores;

  private final AggregateCounts counts = new AggregateCounts();
  private CompactedTopicStore<Contribution> contributions;

  void onStart(@Observes StartupEvent start) {
    StoreListener<Contribution> derive = (key, before, after) -> counts.change(before, after);
    contributions =
        stores.open(
            Topic.AGGREGATE_CONTRIBUTIONS, StateCodecs.json(Contribution.class), List.of(derive));
  }

  public Optional<Contribution> contribution(String tradeId) {
    return contributions.get(tradeId);
  }

  /** Applies the contribution (counts follow at once) and sends it; completes when Kafka has it. */
  public CompletableFuture<Long> write(Contribution contribution) {
    return contributions.put(contribution.tradeId(), contribution);
  }

  public AggregateCounts counts() {
    return counts;
  }
}
