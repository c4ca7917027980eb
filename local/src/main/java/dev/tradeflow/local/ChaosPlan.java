package dev.tradeflow.local;

import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.Dimension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What a chaos run sends, and what tradeflow must end with: a random script of trade versions (new
 * trades, higher versions that move a trade to another book or counterparty, the same version again
 * with other content, and older versions that must be refused), and the reference fold of that
 * script under the trade store's version rule, computed here from scratch.
 */
record ChaosPlan(List<Sent> script, Map<String, Sent> store, Map<String, Long> liveCounts) {

  static final List<String> BOOKS = List.of("B1", "B2");
  static final List<String> COUNTERPARTIES = List.of("CP-1", "CP-2", "CP-3");
  static final String MATURITY = "2099-12-31";

  /** One trade message, in the order it is sent. */
  record Sent(String tradeId, int version, String counterpartyId, String bookId) {
    String json() {
      return SampleData.trade(tradeId, version, counterpartyId, bookId, MATURITY);
    }
  }

  static ChaosPlan random(int messages, long seed) {
    Random random = new Random(seed);
    int distinct = Math.max(1, messages / 3);
    String run = "X" + Long.toString(Math.abs(seed) % 100_000, 36) + "-";
    Map<String, Integer> latest = new HashMap<>();
    List<Sent> script = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      String id = run + random.nextInt(distinct);
      int current = latest.getOrDefault(id, 0);
      int roll = random.nextInt(10);
      int version;
      if (current > 1 && roll == 0) {
        version = 1 + random.nextInt(current - 1); // older: refused
      } else if (current > 0 && roll == 1) {
        version = current; // same version, maybe other content: replaces
      } else {
        version = current + 1 + random.nextInt(2);
      }
      latest.merge(id, version, Math::max);
      script.add(
          new Sent(
              id,
              version,
              COUNTERPARTIES.get(random.nextInt(COUNTERPARTIES.size())),
              BOOKS.get(random.nextInt(BOOKS.size()))));
    }
    return of(script);
  }

  /** The reference fold: lower version refused, same or higher version stored. */
  static ChaosPlan of(List<Sent> script) {
    Map<String, Sent> store = new TreeMap<>();
    for (Sent sent : script) {
      Sent stored = store.get(sent.tradeId());
      if (stored == null || sent.version() >= stored.version()) {
        store.put(sent.tradeId(), sent);
      }
    }
    Map<String, Long> live = new TreeMap<>();
    for (Sent trade : store.values()) {
      live.merge(key(Dimension.BOOK, trade.bookId()), 1L, Long::sum);
      live.merge(key(Dimension.COUNTERPARTY, trade.counterpartyId()), 1L, Long::sum);
    }
    return new ChaosPlan(List.copyOf(script), store, live);
  }

  static String key(Dimension dimension, String id) {
    return dimension + ":" + id;
  }

  static String key(Aggregate aggregate) {
    return key(aggregate.dimension(), aggregate.id());
  }
}
