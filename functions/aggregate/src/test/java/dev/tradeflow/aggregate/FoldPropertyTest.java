package dev.tradeflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.aggregate.AggregateOutcome.LimitCrossed.Direction;
import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.AssetClass;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.Dimension;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.Instrument;
import dev.tradeflow.model.MarketPrice;
import dev.tradeflow.model.Money;
import dev.tradeflow.model.PositionView;
import dev.tradeflow.model.PriceQuotation;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeDeletion;
import dev.tradeflow.model.ValidatedTrade;
import dev.tradeflow.model.Valuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every fold (counts, positions, exposure, P&L) against a reference computed from scratch. Random
 * histories of trades, new versions, expiries, deletions and price and FX updates are delivered
 * with duplicates and late replays of older changes, through the same {@link AggregateCore} the
 * handler uses; the folds must end exactly where plain Java over each trade's latest version ends.
 * Each counterparty has a limit: its breaches and clearances must alternate, one per crossing, and
 * end where the reference exposure stands against the limit.
 */
class FoldPropertyTest {

  static final List<String> BOOKS = List.of("B1", "B2");
  static final List<String> COUNTERPARTIES = List.of("CP-1", "CP-2", "CP-3");
  static final List<Instrument> INSTRUMENTS =
      List.of(
          new Instrument(
              "ES", AssetClass.FUTURE, "USD", PriceQuotation.PER_UNIT, BigDecimal.TEN, 0),
          new Instrument(
              "BUND", AssetClass.BOND, "EUR", PriceQuotation.PERCENT_OF_PAR, BigDecimal.ONE, 2));

  /** One change as validate and enrich would hand it on: a version, or a deletion. */
  sealed interface Change permits Version, Deletion {
    long revision();

    String tradeId();
  }

  record Version(EnrichedTrade trade) implements Change {
    public long revision() {
      return trade.stored().revision();
    }

    public String tradeId() {
      return trade.stored().tradeId();
    }
  }

  record Deletion(String tradeId, long revision) implements Change {}

  /** The folds as aggregate keeps them, fed through AggregateCore. */
  static final class Folds {
    final InMemoryAggregate state = new InMemoryAggregate();
    final AggregateCounts counts = state.counts;
    final PositionFold positions = state.positions;
    final ExposureFold exposures = state.exposures;
    final Map<String, MarketPrice> prices = state.prices;

    void deliver(Change change) {
      switch (change) {
        case Version v -> state.deliver(v.trade());
        case Deletion d -> state.deliver(new TradeDeletion(d.tradeId(), d.revision()));
      }
    }

    void deliver(MarketPrice price) {
      state.deliver(price);
    }
  }

  @Test
  void everyFoldEqualsAFoldFromScratchOverTheLatestVersions() {
    for (long seed = 1; seed <= 400; seed++) {
      check(seed);
    }
  }

  void check(long seed) {
    Random random = new Random(seed);
    List<Change> history = new ArrayList<>();
    List<MarketPrice> priceHistory = new ArrayList<>();
    Map<String, Change> latest = new HashMap<>();
    long revision = 0;
    for (int step = 0; step < 40; step++) {
      String id = "T" + random.nextInt(8);
      int what = random.nextInt(10);
      Change change;
      if (what < 6 || !latest.containsKey(id)) {
        change = new Version(trade(random, id, ++revision, false));
      } else if (what < 8 && latest.get(id) instanceof Version v) {
        change = new Version(expired(v.trade(), ++revision));
      } else {
        change = new Deletion(id, ++revision);
      }
      history.add(change);
      latest.put(id, change);
      if (random.nextInt(4) == 0) {
        Instrument instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
        priceHistory.add(
            new MarketPrice(
                instrument.id(),
                decimal(random, 50, 150),
                OffsetDateTime.of(2026, 11, 21, 9, 0, 0, 0, ZoneOffset.UTC).plusSeconds(step)));
      }
    }
    Folds folds = new Folds();
    for (String cp : COUNTERPARTIES) {
      folds.state.limits.put(cp, decimal(random, 0, 4000).multiply(BigDecimal.valueOf(100)));
    }
    for (int i = 0; i < history.size(); i++) {
      folds.deliver(history.get(i));
      if (random.nextInt(3) == 0) {
        folds.deliver(history.get(i)); // a duplicate delivery
      }
      if (random.nextInt(4) == 0) {
        folds.deliver(history.get(random.nextInt(i + 1))); // a late replay of an older change
      }
    }
    List<MarketPrice> shuffled = new ArrayList<>(priceHistory);
    java.util.Collections.shuffle(shuffled, random); // prices arrive in any order, some twice
    shuffled.forEach(folds::deliver);
    shuffled.stream().limit(3).forEach(folds::deliver);

    Reference reference = new Reference(latest.values(), latestPrices(priceHistory));
    String context = "seed " + seed;
    for (String book : BOOKS) {
      assertThat(folds.counts.get(new AggregateKey(Dimension.BOOK, book)))
          .as(context)
          .isEqualTo(reference.count(Dimension.BOOK, book));
      for (Instrument instrument : INSTRUMENTS) {
        PositionKey key = new PositionKey(book, instrument.id());
        Optional<PositionFold.Totals> totals = folds.positions.get(key);
        Reference.Position expected = reference.position(key);
        assertThat(totals.map(PositionFold.Totals::trades).orElse(0))
            .as(context)
            .isEqualTo(expected.trades);
        assertThat(totals.map(PositionFold.Totals::quantity).orElse(BigDecimal.ZERO))
            .as(context)
            .isEqualByComparingTo(expected.quantity);
        assertThat(totals.map(PositionFold.Totals::cost).orElse(BigDecimal.ZERO))
            .as(context)
            .isEqualByComparingTo(expected.cost);
        PositionView view =
            PositionValuer.view(
                key,
                totals,
                Optional.ofNullable(folds.prices.get(instrument.id())),
                Optional.of(new BigDecimal("1.1")),
                "USD");
        assertThat(view.pnl() == null ? null : view.pnl().amount())
            .as(context)
            .isEqualTo(
                expected.pnl == null || expected.trades == 0
                    ? null
                    : Money.of(expected.pnl, "x").amount());
      }
    }
    for (String cp : COUNTERPARTIES) {
      assertThat(folds.counts.get(new AggregateKey(Dimension.COUNTERPARTY, cp)))
          .as(context)
          .isEqualTo(reference.count(Dimension.COUNTERPARTY, cp));
      assertThat(folds.exposures.of(cp)).as(context).isEqualByComparingTo(reference.exposure(cp));
      checkCrossings(folds, cp, reference.exposure(cp), context);
    }
  }

  /** Breaches and clearances alternate from within the limit, and the last says where it ends. */
  static void checkCrossings(Folds folds, String cp, BigDecimal exposure, String context) {
    BigDecimal limit = folds.state.limits.get(cp);
    boolean over = false;
    for (AggregateOutcome.LimitCrossed crossed : folds.state.crossings) {
      if (crossed.counterpartyId().equals(cp)) {
        assertThat(crossed.direction())
            .as(context + ": " + cp + " crossed twice the same way")
            .isEqualTo(over ? Direction.CLEARED : Direction.BREACHED);
        assertThat(crossed.exposure().compareTo(limit) > 0).as(context).isEqualTo(!over);
        over = !over;
      }
    }
    assertThat(over)
        .as(context + ": " + cp + " over its limit")
        .isEqualTo(exposure.compareTo(limit) > 0);
  }

  static Map<String, MarketPrice> latestPrices(List<MarketPrice> prices) {
    Map<String, MarketPrice> latest = new HashMap<>();
    for (MarketPrice p : prices) {
      latest.merge(p.instrument(), p, (a, b) -> a.time().isAfter(b.time()) ? a : b);
    }
    return latest;
  }

  /** Plain Java over the final latest version of each trade: no contributions, no folds. */
  static final class Reference {
    static final class Position {
      int trades;
      BigDecimal quantity = BigDecimal.ZERO;
      BigDecimal cost = BigDecimal.ZERO;
      BigDecimal pnl = BigDecimal.ZERO;
    }

    final List<EnrichedTrade> present = new ArrayList<>();
    final Map<String, MarketPrice> prices;

    Reference(java.util.Collection<Change> latest, Map<String, MarketPrice> prices) {
      for (Change change : latest) {
        if (change instanceof Version v) {
          present.add(v.trade());
        }
      }
      this.prices = prices;
    }

    Aggregate count(Dimension dimension, String id) {
      long live = 0;
      long expired = 0;
      for (EnrichedTrade e : present) {
        Trade t = e.stored().trade();
        if ((dimension == Dimension.BOOK ? t.bookId() : t.counterpartyId()).equals(id)) {
          if (t.expired()) {
            expired++;
          } else {
            live++;
          }
        }
      }
      return new Aggregate(dimension, id, live, expired);
    }

    Position position(PositionKey key) {
      Position p = new Position();
      for (EnrichedTrade e : present) {
        Trade t = e.stored().trade();
        if (t.expired()
            || t.economics() == null
            || !t.bookId().equals(key.book())
            || !t.economics().instrument().equals(key.instrument())) {
          continue;
        }
        BigDecimal factor = factor(e.valuation().instrument());
        BigDecimal signed =
            t.economics().side() == Side.SELL
                ? t.economics().quantity().negate()
                : t.economics().quantity();
        p.trades++;
        p.quantity = p.quantity.add(signed);
        p.cost = p.cost.add(signed.multiply(t.economics().price()).multiply(factor));
        MarketPrice market = prices.get(key.instrument());
        if (market != null) {
          p.pnl =
              p.pnl.add(
                  signed.multiply(market.price().subtract(t.economics().price())).multiply(factor));
        }
      }
      if (!prices.containsKey(key.instrument())) {
        p.pnl = null;
      }
      return p;
    }

    BigDecimal exposure(String cp) {
      BigDecimal gross = BigDecimal.ZERO;
      for (EnrichedTrade e : present) {
        Trade t = e.stored().trade();
        if (!t.expired() && e.valuation() != null && t.counterpartyId().equals(cp)) {
          gross = gross.add(e.valuation().reportingNotional().amount().abs());
        }
      }
      return gross;
    }
  }

  static BigDecimal factor(Instrument instrument) {
    return instrument.priceQuotation() == PriceQuotation.PERCENT_OF_PAR
        ? instrument.contractMultiplier().divide(BigDecimal.valueOf(100))
        : instrument.contractMultiplier();
  }

  static BigDecimal decimal(Random random, int from, int to) {
    return BigDecimal.valueOf(from * 100L + random.nextInt((to - from) * 100), 2);
  }

  static EnrichedTrade trade(Random random, String id, long revision, boolean expired) {
    String book = BOOKS.get(random.nextInt(BOOKS.size()));
    String cp = COUNTERPARTIES.get(random.nextInt(COUNTERPARTIES.size()));
    boolean economics = random.nextInt(5) > 0;
    Instrument instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
    BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(1000));
    BigDecimal price = decimal(random, 50, 150);
    Trade trade =
        new Trade(
            id,
            1,
            cp,
            book,
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2026, 11, 20),
            expired,
            economics
                ? new Economics(instrument.id(), side, quantity, price, instrument.currency())
                : null);
    return enriched(trade, revision, economics ? instrument : null);
  }

  static EnrichedTrade expired(EnrichedTrade live, long revision) {
    Trade trade = live.stored().trade().withExpired(true);
    return enriched(
        trade, revision, live.valuation() == null ? null : live.valuation().instrument());
  }

  /** As enrich values it (the rate to USD: 1.1 for EUR). */
  static EnrichedTrade enriched(Trade trade, long revision, Instrument instrument) {
    Valuation valuation = null;
    if (instrument != null) {
      Economics e = trade.economics();
      BigDecimal notional = e.quantity().multiply(e.price()).multiply(factor(instrument));
      BigDecimal rate =
          instrument.currency().equals("USD") ? BigDecimal.ONE : new BigDecimal("1.1");
      valuation =
          new Valuation(
              instrument,
              trade.createdDate(),
              trade.createdDate(),
              e.side() == Side.SELL ? e.quantity().negate() : e.quantity(),
              Money.of(notional, instrument.currency()),
              rate,
              Money.of(notional.multiply(rate), "USD"));
    }
    return new EnrichedTrade(
        new ValidatedTrade(new StoredTrade(trade, revision), ValidatedTrade.Change.ACCEPTED),
        new Counterparty(trade.counterpartyId(), trade.counterpartyId(), null),
        new Book(trade.bookId(), trade.bookId(), null),
        valuation);
  }
}
