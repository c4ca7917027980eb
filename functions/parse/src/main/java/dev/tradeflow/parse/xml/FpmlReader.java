package dev.tradeflow.parse.xml;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.formats.Digits;
import dev.tradeflow.formats.FormatFault;
import dev.tradeflow.formats.TradeIds;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Trade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * FpML 5.x confirmation documents: each {@code <trade>} becomes one canonical trade, seen from the
 * party of its first {@code partyTradeIdentifier}. Reads interest-rate swaps ({@code swap}), FX
 * single legs ({@code fxSingleLeg}) and equity options ({@code equityOption}); the mapping is in
 * {@code docs/xml-mapping.md}.
 */
final class FpmlReader {

  static final String NAMESPACE = "http://www.fpml.org/FpML-5/confirmation";

  List<Decoded> read(XmlElement root) {
    List<XmlElement> trades = root.children("trade");
    if (trades.isEmpty()) {
      throw new FormatFault(
          RejectReason.UNSUPPORTED_MESSAGE,
          root.path(),
          "the FpML <" + root.name() + "> holds no <trade>");
    }
    List<Decoded> decoded = new ArrayList<>(trades.size());
    for (XmlElement trade : trades) {
      decoded.add(read(root, trade));
    }
    return decoded;
  }

  private static Decoded read(XmlElement root, XmlElement trade) {
    XmlElement identifier = trade.at("tradeHeader", "partyTradeIdentifier");
    String tradeId = null;
    try {
      require(
          identifier, trade.path() + "/tradeHeader/partyTradeIdentifier", "the trade's identifier");
      String ours = href(identifier.child("partyReference"), identifier.path() + "/partyReference");
      XmlElement versioned = identifier.child("versionedTradeId");
      XmlElement idElement =
          versioned != null ? versioned.child("tradeId") : identifier.child("tradeId");
      tradeId = id(idElement, identifier.path() + "/tradeId", "tradeId");
      int version = versioned == null ? 1 : version(versioned.child("version"));
      String counterparty = counterparty(root, ours);
      String book = book(root, ours);
      LocalDate created =
          date(trade.at("tradeHeader", "tradeDate"), trade.path() + "/tradeHeader/tradeDate");
      Product product = product(trade, ours);
      return new Decoded.Read(
          new Trade(
              tradeId,
              version,
              counterparty,
              book,
              product.maturity(),
              created,
              false,
              product.economics()));
    } catch (FormatFault fault) {
      return fault.toDecoded(tradeId);
    }
  }

  /** What the product says: its maturity and economics. */
  private record Product(LocalDate maturity, Economics economics) {}

  private static Product product(XmlElement trade, String ours) {
    XmlElement swap = trade.child("swap");
    if (swap != null) {
      return swap(swap, ours);
    }
    XmlElement fx = trade.child("fxSingleLeg");
    if (fx != null) {
      return fxSingleLeg(fx, ours);
    }
    XmlElement option = first(trade, "equityOption", "brokerEquityOption");
    if (option != null) {
      return equityOption(option, ours);
    }
    String found =
        trade.children().stream()
            .map(XmlElement::name)
            .filter(n -> !n.equals("tradeHeader"))
            .findFirst()
            .orElse("nothing");
    throw new FormatFault(
        RejectReason.UNSUPPORTED_MESSAGE,
        trade.path(),
        "the FpML product is "
            + found
            + "; tradeflow books swap, fxSingleLeg and equityOption (or brokerEquityOption)");
  }

  /**
   * Interest-rate swap: matures at the latest terminationDate of its streams. The fixed stream
   * gives notional, currency and rate; we BUY when we pay fixed.
   */
  private static Product swap(XmlElement swap, String ours) {
    List<XmlElement> streams = swap.children("swapStream");
    if (streams.isEmpty()) {
      throw missing(swap.path() + "/swapStream", "a swap needs at least one swapStream");
    }
    LocalDate maturity = null;
    XmlElement fixed = null;
    for (XmlElement stream : streams) {
      XmlElement termination =
          stream.at("calculationPeriodDates", "terminationDate", "unadjustedDate");
      LocalDate end =
          date(
              termination,
              stream.path() + "/calculationPeriodDates/terminationDate/unadjustedDate");
      maturity = maturity == null || end.isAfter(maturity) ? end : maturity;
      if (fixed == null && calculation(stream).child("fixedRateSchedule") != null) {
        fixed = stream;
      }
    }
    XmlElement priced = fixed != null ? fixed : streams.getFirst();
    XmlElement calculation = calculation(priced);
    XmlElement notional = calculation.at("notionalSchedule", "notionalStepSchedule");
    require(
        notional, calculation.path() + "/notionalSchedule/notionalStepSchedule", "the notional");
    XmlElement rate = calculation.at("fixedRateSchedule", "initialValue");
    Side side =
        ours.equals(
                href(priced.child("payerPartyReference"), priced.path() + "/payerPartyReference"))
            ? Side.BUY
            : Side.SELL;
    return new Product(
        maturity,
        new Economics(
            productType(swap, "InterestRate:IRSwap"),
            side,
            decimal(notional.child("initialValue"), notional.path() + "/initialValue"),
            rate == null ? null : decimal(rate, rate.path()),
            currency(notional.child("currency"), notional.path() + "/currency")));
  }

  private static XmlElement calculation(XmlElement stream) {
    XmlElement calculation = stream.at("calculationPeriodAmount", "calculation");
    require(
        calculation,
        stream.path() + "/calculationPeriodAmount/calculation",
        "the stream's calculation");
    return calculation;
  }

  /** FX forward or spot: matures on its value date; we BUY currency1 when we receive it. */
  private static Product fxSingleLeg(XmlElement fx, String ours) {
    XmlElement leg = fx.child("exchangedCurrency1");
    require(leg, fx.path() + "/exchangedCurrency1", "the first exchanged currency");
    XmlElement amount = leg.child("paymentAmount");
    require(amount, leg.path() + "/paymentAmount", "the amount of currency1");
    XmlElement pair = fx.at("exchangeRate", "quotedCurrencyPair");
    require(pair, fx.path() + "/exchangeRate/quotedCurrencyPair", "the currency pair");
    String instrument =
        currency(pair.child("currency1"), pair.path() + "/currency1")
            + "/"
            + currency(pair.child("currency2"), pair.path() + "/currency2");
    Side side =
        ours.equals(
                href(leg.child("receiverPartyReference"), leg.path() + "/receiverPartyReference"))
            ? Side.BUY
            : Side.SELL;
    return new Product(
        date(fx.child("valueDate"), fx.path() + "/valueDate"),
        new Economics(
            instrument,
            side,
            decimal(amount.child("amount"), amount.path() + "/amount"),
            decimal(fx.at("exchangeRate", "rate"), fx.path() + "/exchangeRate/rate"),
            currency(amount.child("currency"), amount.path() + "/currency")));
  }

  /** Equity option: matures at expiration; quantity is the number of options, price the strike. */
  private static Product equityOption(XmlElement option, String ours) {
    XmlElement exercise = option.child("equityExercise");
    require(exercise, option.path() + "/equityExercise", "the exercise terms");
    XmlElement style =
        first(
            exercise, "equityEuropeanExercise", "equityAmericanExercise", "equityBermudaExercise");
    require(style, exercise.path() + "/equityEuropeanExercise", "the exercise style");
    XmlElement expiration = style.at("expirationDate", "adjustableDate", "unadjustedDate");
    XmlElement underlying = option.at("underlyer", "singleUnderlyer", "equity", "instrumentId");
    Side side =
        ours.equals(
                href(option.child("buyerPartyReference"), option.path() + "/buyerPartyReference"))
            ? Side.BUY
            : Side.SELL;
    XmlElement premiumCurrency = option.at("equityPremium", "paymentAmount", "currency");
    XmlElement currency =
        premiumCurrency != null ? premiumCurrency : exercise.child("settlementCurrency");
    return new Product(
        date(expiration, style.path() + "/expirationDate/adjustableDate/unadjustedDate"),
        new Economics(
            text(underlying, option.path() + "/underlyer/singleUnderlyer/equity/instrumentId"),
            side,
            decimal(option.child("numberOfOptions"), option.path() + "/numberOfOptions"),
            decimal(option.at("strike", "strikePrice"), option.path() + "/strike/strikePrice"),
            currency(currency, option.path() + "/equityPremium/paymentAmount/currency")));
  }

  /** The partyId of the first other party in the document. */
  private static String counterparty(XmlElement root, String ours) {
    for (XmlElement party : root.children("party")) {
      if (!ours.equals(party.attribute("id"))) {
        return id(party.child("partyId"), party.path() + "/partyId", "the counterparty's partyId");
      }
    }
    throw missing(
        root.path() + "/party", "no <party> other than " + ours + " names the counterparty");
  }

  /** The accountId of the first account whose accountBeneficiary is our party. */
  private static String book(XmlElement root, String ours) {
    for (XmlElement account : root.children("account")) {
      XmlElement beneficiary = account.child("accountBeneficiary");
      if (beneficiary != null && ours.equals(beneficiary.attribute("href"))) {
        return id(
            account.child("accountId"), account.path() + "/accountId", "the book's accountId");
      }
    }
    throw missing(
        root.path() + "/account",
        "no <account> with accountBeneficiary href=\"" + ours + "\" names the book");
  }

  private static String productType(XmlElement product, String fallback) {
    XmlElement type = product.child("productType");
    return type == null || type.text().isEmpty() ? fallback : type.text();
  }

  private static XmlElement first(XmlElement parent, String... names) {
    for (String name : names) {
      XmlElement child = parent.child(name);
      if (child != null) {
        return child;
      }
    }
    return null;
  }

  private static String href(XmlElement reference, String at) {
    require(reference, at, "the party reference");
    String href = reference.attribute("href");
    if (href == null || href.isBlank()) {
      throw missing(at + "/@href", "the party reference has no href");
    }
    return href;
  }

  private static String id(XmlElement element, String at, String what) {
    String text = text(element, at);
    if (!TradeIds.isId(text)) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          at,
          what + " must be " + TradeIds.ID_RULE + ", found '" + shown(text) + "'");
    }
    return text;
  }

  private static int version(XmlElement element) {
    String text = text(element, "versionedTradeId/version");
    long version = text.length() > 9 ? -1 : Digits.value(text);
    if (version < 0) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          element.path(),
          "version must be a whole number from 0, found '" + shown(text) + "'");
    }
    return (int) version;
  }

  private static LocalDate date(XmlElement element, String at) {
    String text = text(element, at);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          element.path(),
          "expected a date as YYYY-MM-DD, found '" + shown(text) + "'");
    }
  }

  private static BigDecimal decimal(XmlElement element, String at) {
    String text = text(element, at);
    if (!XmlNumbers.isDecimal(text)) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          element.path(),
          "expected a decimal number, found '" + shown(text) + "'");
    }
    return new BigDecimal(text);
  }

  private static String currency(XmlElement element, String at) {
    String text = text(element, at);
    if (!TradeIds.isCurrency(text)) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          element.path(),
          "expected an ISO 4217 currency such as EUR, found '" + shown(text) + "'");
    }
    return text;
  }

  private static String text(XmlElement element, String at) {
    require(element, at, "this element");
    return element.text();
  }

  private static void require(XmlElement element, String at, String what) {
    if (element == null) {
      throw missing(at, "missing " + what + ": " + at.substring(at.lastIndexOf('/') + 1));
    }
  }

  private static FormatFault missing(String at, String message) {
    return new FormatFault(RejectReason.MISSING_FIELD, at, message);
  }

  private static String shown(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
