package dev.tradeflow.parse.fix;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.formats.Digits;
import dev.tradeflow.formats.FormatFault;
import dev.tradeflow.formats.TradeIds;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeCancel;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * Turns a checked FIX message into the canonical trade or a cancel. The mapping, tag by tag, is in
 * {@code docs/fix-mapping.md}; keep the two in step.
 */
final class FixTradeMapping {

  /** Tradeflow's user-defined tag for the trade version; 1 when absent. */
  static final int TRADE_VERSION = 9100;

  static final int ACCOUNT = 1;
  static final int TRADE_REPORT_ID = 571;
  static final int TRADE_REPORT_REF_ID = 572;
  static final int TRADE_REPORT_TRANS_TYPE = 487;
  static final int TRADE_ID = 1003;
  static final int EXEC_ID = 17;
  static final int EXEC_REF_ID = 19;
  static final int EXEC_TYPE = 150;
  static final int NO_SIDES = 552;
  static final int SIDE = 54;
  static final int NO_PARTY_IDS = 453;
  static final int PARTY_ID = 448;
  static final int PARTY_ROLE = 452;
  static final int SYMBOL = 55;
  static final int SECURITY_ID = 48;
  static final int LAST_QTY = 32;
  static final int LAST_PX = 31;
  static final int CURRENCY = 15;
  static final int TRADE_DATE = 75;
  static final int SETTL_DATE = 64;
  static final int MATURITY_DATE = 541;

  /** PartyRole 17, Contra Firm: the counterparty. */
  static final String ROLE_COUNTERPARTY = "17";

  /** PartyRole 38, Position Account: the book. */
  static final String ROLE_BOOK = "38";

  private FixTradeMapping() {}

  static Decoded map(FixMessage message) {
    FixFieldMap body = message.body();
    return switch (message.msgType()) {
      case "AE" -> tradeCaptureReport(body);
      case "8" -> executionReport(body);
      default -> throw new IllegalStateException("no mapping for 35=" + message.msgType());
    };
  }

  /** 35=AE: 487 New (0) and Replace (2) are trades, Cancel (1) withdraws one. */
  private static Decoded tradeCaptureReport(FixFieldMap body) {
    String transType = body.has(TRADE_REPORT_TRANS_TYPE) ? body.text(TRADE_REPORT_TRANS_TYPE) : "0";
    boolean amends = transType.equals("1") || transType.equals("2");
    int idTag = body.has(TRADE_ID) ? TRADE_ID : amends ? TRADE_REPORT_REF_ID : TRADE_REPORT_ID;
    String tradeId = id(body, idTag, "the trade id");
    int version = version(body);
    return switch (transType) {
      case "0", "2" -> {
        List<FixFieldMap> sides = body.entries(NO_SIDES);
        if (sides.isEmpty()) {
          throw missing(NO_SIDES, null, "NoSides(552) must hold our side");
        }
        FixFieldMap ours = sides.getFirst();
        yield new Decoded.Read(trade(body, ours, tradeId, version));
      }
      case "1" -> new Decoded.Cancel(new TradeCancel(tradeId, version));
      default ->
          throw new FormatFault(
              RejectReason.UNSUPPORTED_MESSAGE,
              "tag 487",
              "TradeReportTransType(487)="
                  + transType
                  + " is not booked; tradeflow takes 0 (New), 1 (Cancel) and 2 (Replace)");
    };
  }

  /** 35=8: ExecType F (Trade) books, G (Trade Correct) replaces, H (Trade Cancel) withdraws. */
  private static Decoded executionReport(FixFieldMap body) {
    String execType = body.text(EXEC_TYPE);
    return switch (execType) {
      case "F" ->
          new Decoded.Read(trade(body, body, id(body, EXEC_ID, "the trade id"), version(body)));
      case "G" ->
          new Decoded.Read(
              trade(body, body, id(body, EXEC_REF_ID, "the corrected trade id"), version(body)));
      case "H" ->
          new Decoded.Cancel(
              new TradeCancel(id(body, EXEC_REF_ID, "the cancelled trade id"), version(body)));
      default ->
          throw new FormatFault(
              RejectReason.UNSUPPORTED_MESSAGE,
              "tag 150",
              "ExecType(150)="
                  + execType
                  + " is not a fill; tradeflow books F (Trade), G (Trade Correct) and H (Trade Cancel)");
    };
  }

  /**
   * The trade, from the message body and the side that is ours: for 35=AE the first NoSides entry,
   * for 35=8 the body itself.
   */
  private static Trade trade(FixFieldMap body, FixFieldMap side, String tradeId, int version) {
    String counterparty = party(side, ROLE_COUNTERPARTY, "counterparty");
    String book = book(side);
    LocalDate maturity =
        body.has(MATURITY_DATE)
            ? date(body, MATURITY_DATE)
            : body.has(SETTL_DATE) ? date(body, SETTL_DATE) : null;
    if (maturity == null) {
      throw missing(
          MATURITY_DATE, null, "the maturity: MaturityDate(541) or SettlDate(64) is needed");
    }
    LocalDate created = body.has(TRADE_DATE) ? date(body, TRADE_DATE) : null;
    Economics economics =
        new Economics(
            body.has(SECURITY_ID) ? body.text(SECURITY_ID) : body.text(SYMBOL),
            side(side),
            decimal(body, LAST_QTY),
            decimal(body, LAST_PX),
            currency(body, side));
    return new Trade(tradeId, version, counterparty, book, maturity, created, false, economics);
  }

  private static Side side(FixFieldMap side) {
    if (side.is(SIDE, "1")) {
      return Side.BUY;
    }
    if (side.is(SIDE, "2")) {
      return Side.SELL;
    }
    throw new FormatFault(
        RejectReason.INVALID_FIELD,
        at(SIDE, side),
        "Side(54) is " + side.text(SIDE) + "; tradeflow books 1 (Buy) and 2 (Sell)");
  }

  private static String currency(FixFieldMap body, FixFieldMap side) {
    FixFieldMap holder = side.has(CURRENCY) ? side : body;
    String currency = holder.text(CURRENCY);
    if (currency == null) {
      throw missing(CURRENCY, side, "Currency(15) is needed");
    }
    if (!TradeIds.isCurrency(currency)) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          at(CURRENCY, holder),
          "Currency(15) must be an ISO 4217 code such as EUR, found '" + currency + "'");
    }
    return currency;
  }

  /**
   * The book: the PartyID of a Position Account (452=38) party of our side; failing that, our
   * side's Account (1), where many venues name it.
   */
  private static String book(FixFieldMap side) {
    if (!side.has(ACCOUNT) || hasParty(side, ROLE_BOOK)) {
      return party(side, ROLE_BOOK, "book");
    }
    String account = side.text(ACCOUNT);
    if (!TradeIds.isId(account)) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          at(ACCOUNT, side),
          "the book Account(1) must be " + TradeIds.ID_RULE + ", found " + quoted(account));
    }
    return account;
  }

  private static boolean hasParty(FixFieldMap side, String role) {
    return side.entries(NO_PARTY_IDS).stream().anyMatch(party -> party.is(PARTY_ROLE, role));
  }

  /** The PartyID of the first Parties entry with the role. */
  private static String party(FixFieldMap side, String role, String what) {
    for (FixFieldMap party : side.entries(NO_PARTY_IDS)) {
      if (party.is(PARTY_ROLE, role)) {
        String id = party.text(PARTY_ID);
        if (id == null || !TradeIds.isId(id)) {
          throw new FormatFault(
              RejectReason.INVALID_FIELD,
              at(PARTY_ID, party),
              "the "
                  + what
                  + " PartyID(448) must be "
                  + TradeIds.ID_RULE
                  + ", found "
                  + quoted(id));
        }
        return id;
      }
    }
    throw missing(
        PARTY_ROLE,
        side,
        "no party with PartyRole(452)="
            + role
            + " names the "
            + what
            + (role.equals(ROLE_BOOK) ? ", and there is no Account(1)" : ""));
  }

  private static String id(FixFieldMap body, int tag, String what) {
    String id = body.text(tag);
    if (id == null) {
      throw missing(tag, null, "tag " + tag + " is needed: it carries " + what);
    }
    if (!TradeIds.isId(id)) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          at(tag, body),
          "tag " + tag + " must be " + TradeIds.ID_RULE + ", found " + quoted(id));
    }
    return id;
  }

  private static int version(FixFieldMap body) {
    String text = body.text(TRADE_VERSION);
    if (text == null) {
      return 1;
    }
    long version = text.length() > 9 ? -1 : Digits.value(text);
    if (version < 0) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          "tag " + TRADE_VERSION,
          "TradeVersion(9100) must be a whole number from 0, found " + quoted(text));
    }
    return (int) version;
  }

  /** LocalMktDate, YYYYMMDD, a real day. */
  private static LocalDate date(FixFieldMap map, int tag) {
    String text = map.text(tag);
    if (text.length() == 8 && Digits.value(text) >= 0) {
      try {
        return LocalDate.of(
            (int) Digits.value(text, 0, 4),
            (int) Digits.value(text, 4, 6),
            (int) Digits.value(text, 6, 8));
      } catch (DateTimeException notADay) {
        // refused below
      }
    }
    throw new FormatFault(
        RejectReason.INVALID_FIELD,
        at(tag, map),
        "tag " + tag + " must be a date as YYYYMMDD, found " + quoted(text));
  }

  /** LastQty and LastPx: checked as FIX decimals already, required here. */
  private static BigDecimal decimal(FixFieldMap map, int tag) {
    String text = map.text(tag);
    if (text == null) {
      throw missing(
          tag, null, "tag " + tag + " is needed: it carries the fill's quantity or price");
    }
    return new BigDecimal(text);
  }

  /** A missing tag, located in {@code map} (null: the message body). */
  private static FormatFault missing(int tag, FixFieldMap map, String message) {
    return new FormatFault(
        RejectReason.MISSING_FIELD, map == null ? "tag " + tag : at(tag, map), message);
  }

  private static String at(int tag, FixFieldMap map) {
    return map.isBody() ? "tag " + tag : "tag " + tag + " in " + map.path();
  }

  private static String quoted(String text) {
    return text == null
        ? "nothing"
        : "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
  }
}
