package dev.tradeflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.model.AssetClass;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.FxRate;
import dev.tradeflow.model.Instrument;
import dev.tradeflow.model.Money;
import dev.tradeflow.model.PriceQuotation;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.ValidatedTrade;
import dev.tradeflow.model.Valuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The enrich core with reference data in plain maps: no framework, no broker. */
class EnrichCoreTest {

  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);
  static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);

  /** Reference data as maps: what a test puts in is what the core finds. */
  static final class Refs implements References {
    final Map<String, Counterparty> counterparties = new HashMap<>();
    final Map<String, Book> books = new HashMap<>();
    final Map<String, Instrument> instruments = new HashMap<>();
    final Map<String, FxRate> rates = new HashMap<>();

    @Override
    public Optional<Counterparty> counterparty(String id) {
      return Optional.ofNullable(counterparties.get(id));
    }

    @Override
    public Optional<Book> book(String id) {
      return Optional.ofNullable(books.get(id));
    }

    @Override
    public Optional<Instrument> instrument(String id) {
      return Optional.ofNullable(instruments.get(id));
    }

    @Override
    public Optional<FxRate> fxRate(String currency) {
      return Optional.ofNullable(rates.get(currency));
    }
  }

  final EnrichCore core = new EnrichCore("USD");
  final Refs refs = new Refs();
  final Counterparty cp = new Counterparty("CP-1", "Acme Bank", null);
  final Book book = new Book("B1", "Rates", "London");
  final Instrument bund =
      new Instrument(
          "DE0001102580", AssetClass.BOND, "EUR", PriceQuotation.PERCENT_OF_PAR, BigDecimal.ONE, 2);
  final Instrument future =
      new Instrument(
          "ESZ6", AssetClass.FUTURE, "USD", PriceQuotation.PER_UNIT, new BigDecimal(50), 0);

  EnrichCoreTest() {
    refs.counterparties.put("CP-1", cp);
    refs.books.put("B1", book);
    refs.instruments.put(bund.id(), bund);
    refs.instruments.put(future.id(), future);
    refs.rates.put("EUR", new FxRate("EUR", new BigDecimal("1.0825")));
  }

  static ValidatedTrade validated(Economics economics, LocalDate tradeDate) {
    return new ValidatedTrade(
        new StoredTrade(
            new Trade(
                "T1", 1, "CP-1", "B1", LocalDate.of(2027, 5, 20), tradeDate, false, economics),
            7),
        ValidatedTrade.Change.ACCEPTED);
  }

  Checked<EnrichedTrade> enrich(Economics economics, LocalDate tradeDate) {
    return core.enrich(validated(economics, tradeDate), refs, BUSINESS_DATE);
  }

  static EnrichedTrade ok(Checked<EnrichedTrade> outcome) {
    assertThat(outcome).isInstanceOf(Checked.Ok.class);
    return ((Checked.Ok<EnrichedTrade>) outcome).value();
  }

  static Checked.Refused<EnrichedTrade> refused(Checked<EnrichedTrade> outcome) {
    assertThat(outcome).isInstanceOf(Checked.Refused.class);
    return (Checked.Refused<EnrichedTrade>) outcome;
  }

  @Test
  void addsCounterpartyAndBookAndNoValuationWithoutEconomics() {
    EnrichedTrade enriched = ok(enrich(null, null));
    assertThat(enriched.counterparty()).isEqualTo(cp);
    assertThat(enriched.book()).isEqualTo(book);
    assertThat(enriched.stored().revision()).isEqualTo(7);
    assertThat(enriched.valuation()).isNull();
  }

  @Test
  void valuesABondQuotedInPercentOfParInTheReportingCurrency() {
    // SELL 5,000,000 at 101.255 % of par on Friday: settles T+2 on Tuesday
    Valuation v =
        ok(enrich(
                new Economics(
                    "DE0001102580",
                    Side.SELL,
                    new BigDecimal("5000000"),
                    new BigDecimal("101.255"),
                    "EUR"),
                FRIDAY))
            .valuation();
    assertThat(v.instrument()).isEqualTo(bund);
    assertThat(v.tradeDate()).isEqualTo(FRIDAY);
    assertThat(v.settlementDate()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(v.signedQuantity()).isEqualByComparingTo("-5000000");
    // 5,000,000 × 101.255 / 100 = 5,062,750.00 EUR; × 1.0825 = 5,480,426.875 → half to even
    assertThat(v.notional()).isEqualTo(new Money(new BigDecimal("5062750.00"), "EUR"));
    assertThat(v.fxRate()).isEqualByComparingTo("1.0825");
    assertThat(v.reportingNotional()).isEqualTo(new Money(new BigDecimal("5480426.88"), "USD"));
  }

  @Test
  void roundsOnceHalfToEvenFromTheExactProduct() {
    refs.rates.put("EUR", new FxRate("EUR", new BigDecimal("1.5")));
    // 1 × 0.125 = 0.125 EUR → 0.12 (half to even); × 1.5 = 0.1875 → 0.19, not 0.12 × 1.5 = 0.18
    Valuation v =
        ok(enrich(
                new Economics(
                    "DE0001102580", Side.BUY, new BigDecimal("1"), new BigDecimal("12.5"), "EUR"),
                FRIDAY))
            .valuation();
    assertThat(v.notional().amount()).isEqualByComparingTo("0.12");
    assertThat(v.reportingNotional().amount()).isEqualByComparingTo("0.19");
  }

  @Test
  void aFutureUsesItsMultiplierAndTheReportingCurrencyNeedsNoRate() {
    // BUY 3 at 6,012.25 × 50 = 901,837.50 USD, settles the same day; no trade date: the business
    // date
    Valuation v =
        ok(enrich(
                new Economics(
                    "ESZ6", Side.BUY, new BigDecimal("3"), new BigDecimal("6012.25"), "USD"),
                null))
            .valuation();
    assertThat(v.tradeDate()).isEqualTo(BUSINESS_DATE);
    assertThat(v.settlementDate()).isEqualTo(BUSINESS_DATE);
    assertThat(v.signedQuantity()).isEqualByComparingTo("3");
    assertThat(v.notional()).isEqualTo(new Money(new BigDecimal("901837.50"), "USD"));
    assertThat(v.fxRate()).isEqualByComparingTo("1");
    assertThat(v.reportingNotional()).isEqualTo(v.notional());
  }

  @Test
  void refusesInOrderCounterpartyBookInstrumentFxRate() {
    Economics bundTrade =
        new Economics("DE0001102580", Side.BUY, BigDecimal.TEN, new BigDecimal("99"), "EUR");
    refs.rates.clear();
    assertThat(refused(enrich(bundTrade, FRIDAY)).reason()).isEqualTo(RejectReason.UNKNOWN_FX_RATE);
    assertThat(refused(enrich(bundTrade, FRIDAY)).message())
        .isEqualTo(
            "no FX rate from EUR (the currency of instrument DE0001102580) to the reporting currency USD");
    refs.instruments.clear();
    Checked.Refused<EnrichedTrade> noInstrument = refused(enrich(bundTrade, FRIDAY));
    assertThat(noInstrument.reason()).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
    assertThat(noInstrument.location()).isEqualTo("/stored/trade/economics/instrument");
    refs.books.clear();
    assertThat(refused(enrich(bundTrade, FRIDAY)).reason()).isEqualTo(RejectReason.UNKNOWN_BOOK);
    refs.counterparties.clear();
    Checked.Refused<EnrichedTrade> noCp = refused(enrich(bundTrade, FRIDAY));
    assertThat(noCp.reason()).isEqualTo(RejectReason.UNKNOWN_COUNTERPARTY);
    assertThat(noCp.message()).isEqualTo("no reference data for counterparty CP-1");
  }

  @Test
  void incompleteEconomicsAreRefusedNamingTheMissingField() {
    Checked.Refused<EnrichedTrade> noPrice =
        refused(enrich(new Economics("ESZ6", Side.BUY, BigDecimal.ONE, null, "USD"), FRIDAY));
    assertThat(noPrice.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(noPrice.location()).isEqualTo("/stored/trade/economics/price");
    assertThat(refused(enrich(new Economics(null, null, null, null, "USD"), FRIDAY)).location())
        .isEqualTo("/stored/trade/economics/instrument");
  }
}
