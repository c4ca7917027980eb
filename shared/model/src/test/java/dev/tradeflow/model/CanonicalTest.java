package dev.tradeflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CanonicalTest {

  @Test
  void tradesReadApartShareTheirCounterpartyBookAndDates() {
    String json =
        "{\"trade_id\":\"%s\",\"version\":1,\"counterparty_id\":\"CP-1\",\"book_id\":\"B1\","
            + "\"maturity_date\":\"2027-05-20\",\"created_date\":\"2026-11-21\",\"expired\":false}";
    Trade first = Json.read(json.formatted("T1").getBytes(), Trade.class);
    Trade second = Json.read(json.formatted("T2").getBytes(), Trade.class);

    assertThat(second.counterpartyId()).isSameAs(first.counterpartyId());
    assertThat(second.bookId()).isSameAs(first.bookId());
    assertThat(second.maturityDate()).isSameAs(first.maturityDate());
    assertThat(second.createdDate()).isSameAs(first.createdDate());
    assertThat(second.tradeId()).isNotSameAs(first.tradeId()).isEqualTo("T2");
  }

  @Test
  void contributionsEconomicsAndHoldingsShareTheirIdsToo() {
    Contribution one =
        new Contribution(
            "T1", 1, new String("B9"), new String("CP-9"), Contribution.Status.LIVE, null);
    Contribution two =
        new Contribution(
            "T2", 1, new String("B9"), new String("CP-9"), Contribution.Status.LIVE, null);
    assertThat(two.bookId()).isSameAs(one.bookId());
    assertThat(two.counterpartyId()).isSameAs(one.counterpartyId());

    Economics a =
        new Economics(new String("XS1"), Side.BUY, BigDecimal.ONE, null, new String("EUR"));
    Economics b =
        new Economics(new String("XS1"), Side.SELL, BigDecimal.TEN, null, new String("EUR"));
    assertThat(b.instrument()).isSameAs(a.instrument());
    assertThat(b.currency()).isSameAs(a.currency());

    Holding h = new Holding(new String("XS1"), new String("EUR"), null, null, null, null);
    assertThat(h.instrument()).isSameAs(a.instrument());
    assertThat(h.currency()).isSameAs(a.currency());
  }

  @Test
  void nothingChangesButWhichInstanceIsKept() {
    LocalDate date = LocalDate.of(2031, 1, 2);
    assertThat(Canonical.of(LocalDate.of(2031, 1, 2))).isEqualTo(date);
    assertThat(Canonical.<String>of(null)).isNull();
    assertThat(Canonical.of(new String("only-here"))).isEqualTo("only-here");
  }

  @Test
  void pastItsLimitAValueIsKeptAsGivenSoNewIdsCannotGrowItWithoutEnd() {
    Canonical kept = new Canonical(2);
    String first = kept.keep(new String("A"));
    kept.keep(new String("B"));
    String fresh = new String("C");

    assertThat(kept.keep(new String("A"))).isSameAs(first);
    assertThat(kept.keep(fresh)).isSameAs(fresh);
    assertThat(kept.keep(new String("C"))).isNotSameAs(fresh).isEqualTo("C");
    assertThat(kept.size()).isEqualTo(2);
  }
}
