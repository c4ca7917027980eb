package dev.tradeflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.Dimension;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeDeletion;
import dev.tradeflow.model.ValidatedTrade;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AggregateCoreTest {

  final InMemoryAggregate state = new InMemoryAggregate();

  static EnrichedTrade enriched(String id, String book, String cp, boolean expired, long revision) {
    Trade trade = new Trade(id, 1, cp, book, LocalDate.of(2027, 1, 1), null, expired, null);
    return new EnrichedTrade(
        new ValidatedTrade(new StoredTrade(trade, revision), ValidatedTrade.Change.ACCEPTED),
        new Counterparty(cp, cp, null),
        new Book(book, book, null),
        null);
  }

  AggregateOutcome apply(EnrichedTrade e) {
    return state.deliver(e);
  }

  AggregateOutcome delete(String id, long revision) {
    return state.deliver(new TradeDeletion(id, revision));
  }

  Aggregate book(String id) {
    return state.counts.get(new AggregateKey(Dimension.BOOK, id));
  }

  Aggregate counterparty(String id) {
    return state.counts.get(new AggregateKey(Dimension.COUNTERPARTY, id));
  }

  @Test
  void countsLiveTradesPerBookAndCounterparty() {
    apply(enriched("T1", "B1", "CP-1", false, 1));
    apply(enriched("T2", "B1", "CP-2", false, 2));
    assertThat(book("B1").liveTrades()).isEqualTo(2);
    assertThat(counterparty("CP-1").liveTrades()).isEqualTo(1);
  }

  @Test
  void aReplacedVersionReversesItsOldContribution() {
    apply(enriched("T1", "B1", "CP-1", false, 1));
    apply(enriched("T1", "B2", "CP-2", false, 5));
    assertThat(book("B1").liveTrades()).isZero();
    assertThat(book("B2").liveTrades()).isEqualTo(1);
    assertThat(counterparty("CP-1").liveTrades()).isZero();
  }

  @Test
  void anExpiredTradeLeavesTheLiveCount() {
    apply(enriched("T1", "B1", "CP-1", false, 1));
    apply(enriched("T1", "B1", "CP-1", true, 2));
    assertThat(book("B1")).isEqualTo(new Aggregate(Dimension.BOOK, "B1", 0, 1));
  }

  @Test
  void duplicatesAndLateOlderChangesChangeNothing() {
    apply(enriched("T1", "B1", "CP-1", false, 3));
    assertThat(apply(enriched("T1", "B1", "CP-1", false, 3)))
        .isInstanceOf(AggregateOutcome.Unchanged.class);
    assertThat(apply(enriched("T1", "B9", "CP-9", false, 2)))
        .isInstanceOf(AggregateOutcome.Unchanged.class);
    assertThat(book("B1").liveTrades()).isEqualTo(1);
    assertThat(book("B9").liveTrades()).isZero();
  }

  @Test
  void deletionRemovesTheTradeAndIgnoresLateOlderChanges() {
    apply(enriched("T1", "B1", "CP-1", false, 3));
    delete("T1", 4);
    assertThat(book("B1").liveTrades()).isZero();
    apply(enriched("T1", "B1", "CP-1", false, 3));
    assertThat(book("B1").liveTrades()).isZero();
    apply(enriched("T1", "B1", "CP-1", false, 9));
    assertThat(book("B1").liveTrades()).isEqualTo(1);
  }

  @Test
  void aDeletionArrivingBeforeTheTradeStillWins() {
    delete("T1", 4);
    apply(enriched("T1", "B1", "CP-1", false, 3));
    assertThat(book("B1").liveTrades()).isZero();
  }

  @Test
  void affectedKeysCoverOldAndNewBooks() {
    Contribution before = new Contribution("T", 1, "B1", "CP-1", Contribution.Status.LIVE, null);
    Contribution after = new Contribution("T", 2, "B2", "CP-1", Contribution.Status.LIVE, null);
    assertThat(AggregateCore.affected(Optional.of(before), after))
        .extracting(AggregateKey::key)
        .containsExactly("book:B1", "counterparty:CP-1", "book:B2");
  }
}
