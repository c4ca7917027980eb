package dev.tradeflow.aggregate;

import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.Contribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Live and expired counts per book and per counterparty, derived from each trade's latest
 * contribution: a change of contribution takes the old one out and puts the new one in. Nothing is
 * counted blindly, so applying the same contribution twice changes nothing.
 */
public final class AggregateCounts {

  private final Map<AggregateKey, long[]> counts = new HashMap<>();

  public synchronized void change(Contribution before, Contribution after) {
    if (before != null && before.counts()) {
      add(before, -1);
    }
    if (after != null && after.counts()) {
      add(after, +1);
    }
  }

  private void add(Contribution c, int sign) {
    int slot = c.status() == Contribution.Status.EXPIRED ? 1 : 0;
    for (AggregateKey key : AggregateKey.of(c)) {
      counts.computeIfAbsent(key, k -> new long[2])[slot] += sign;
    }
  }

  public synchronized Aggregate get(AggregateKey key) {
    long[] c = counts.getOrDefault(key, new long[2]);
    return new Aggregate(key.dimension(), key.id(), c[0], c[1]);
  }

  public synchronized List<Aggregate> all() {
    List<Aggregate> all = new ArrayList<>(counts.size());
    counts.forEach((key, c) -> all.add(new Aggregate(key.dimension(), key.id(), c[0], c[1])));
    all.sort(Comparator.comparing(Aggregate::key));
    return all;
  }
}
