package dev.tradeflow.enrich;

import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.FxRate;
import dev.tradeflow.model.Instrument;
import dev.tradeflow.model.Money;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.Valuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Values a trade with economics: its instrument, settlement date, signed quantity and notional, in
 * the instrument's currency and in the reporting currency. Products are exact; each money figure is
 * rounded once, by {@link Money#of}.
 */
final class TradeValuer {

  private static final String AT = "/stored/trade/economics/";

  private final String reportingCurrency;

  TradeValuer(String reportingCurrency) {
    this.reportingCurrency = reportingCurrency;
  }

  Checked<Valuation> value(Trade trade, References references, LocalDate businessDate) {
    Economics economics = trade.economics();
    String missing = missingField(economics);
    if (missing != null) {
      return Checked.refused(
          RejectReason.MISSING_FIELD,
          "a trade with economics needs instrument, side, quantity and price; "
              + missing
              + " is missing",
          AT + missing);
    }
    Optional<Instrument> found = references.instrument(economics.instrument());
    if (found.isEmpty()) {
      return Checked.refused(
          RejectReason.UNKNOWN_INSTRUMENT,
          "no reference data for instrument " + economics.instrument(),
          AT + "instrument");
    }
    Instrument instrument = found.get();
    Optional<BigDecimal> rate = rateToReporting(instrument.currency(), references);
    if (rate.isEmpty()) {
      return Checked.refused(
          RejectReason.UNKNOWN_FX_RATE,
          "no FX rate from "
              + instrument.currency()
              + " (the currency of instrument "
              + instrument.id()
              + ") to the reporting currency "
              + reportingCurrency,
          AT + "instrument");
    }
    BigDecimal exactNotional = notional(economics.quantity().abs(), economics.price(), instrument);
    LocalDate tradeDate = trade.createdDate() != null ? trade.createdDate() : businessDate;
    return new Checked.Ok<>(
        new Valuation(
            instrument,
            tradeDate,
            BusinessCalendar.plusBusinessDays(tradeDate, instrument.settlementDays()),
            signed(economics),
            Money.of(exactNotional, instrument.currency()),
            rate.get(),
            Money.of(exactNotional.multiply(rate.get()), reportingCurrency)));
  }

  /** quantity × price × the instrument's unit factor; exact. */
  static BigDecimal notional(BigDecimal quantity, BigDecimal price, Instrument instrument) {
    return quantity.multiply(price).multiply(instrument.unitFactor());
  }

  static BigDecimal signed(Economics economics) {
    BigDecimal quantity = economics.quantity().abs();
    return economics.side() == Side.SELL ? quantity.negate() : quantity;
  }

  private Optional<BigDecimal> rateToReporting(String currency, References references) {
    if (currency.equals(reportingCurrency)) {
      return Optional.of(BigDecimal.ONE);
    }
    return references.fxRate(currency).map(FxRate::rate);
  }

  private static String missingField(Economics economics) {
    if (economics.instrument() == null) {
      return "instrument";
    }
    if (economics.side() == null) {
      return "side";
    }
    if (economics.quantity() == null) {
      return "quantity";
    }
    return economics.price() == null ? "price" : null;
  }
}
