package dev.tradeflow.formats;

import dev.tradeflow.model.Economics;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Trade;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The field rules of one trade in the trade-store format, whichever format carried it (JSON, or
 * tradeflow's own XML). The first fault stops the trade and says where: {@code at} plus the field.
 */
public final class TradeFields {

  private TradeFields() {}

  public static Decoded read(TradeFieldValues values, String at) {
    try {
      return new Decoded.Read(trade(values, at));
    } catch (FormatFault fault) {
      return fault.toDecoded(values.tradeId());
    }
  }

  private static Trade trade(TradeFieldValues values, String at) {
    if (values.repeated() != null) {
      throw new FormatFault(
          RejectReason.MALFORMED_PAYLOAD,
          at + "/" + values.repeated(),
          "field '"
              + values.repeated()
              + "' is given more than once"
              + (TradeField.of(values.repeated()) == TradeField.COUNTERPARTY_ID
                  ? " (counter_party_id and counterparty_id name the same field)"
                  : ""));
    }
    if (values.unknown() != null) {
      throw new FormatFault(
          RejectReason.UNKNOWN_FIELD,
          at + "/" + values.unknown(),
          "unknown field '" + values.unknown() + "'");
    }
    String tradeId = id(values, at, TradeField.TRADE_ID);
    int version = version(values, at);
    String counterparty = id(values, at, TradeField.COUNTERPARTY_ID);
    String book = id(values, at, TradeField.BOOK_ID);
    LocalDate maturity = date(values, at, TradeField.MATURITY_DATE, true);
    LocalDate created = date(values, at, TradeField.CREATED_DATE, false);
    boolean expired = flag(values, at);
    return new Trade(
        tradeId, version, counterparty, book, maturity, created, expired, economics(values, at));
  }

  private static String id(TradeFieldValues values, String at, TradeField field) {
    FieldValue value = required(values, at, field);
    if (value.kind() != FieldValue.Kind.STRING || !TradeIds.isId(value.text())) {
      throw invalid(at, field, "must be " + TradeIds.ID_RULE, value);
    }
    return value.text();
  }

  private static int version(TradeFieldValues values, String at) {
    FieldValue value = required(values, at, TradeField.VERSION);
    long version =
        value.kind() == FieldValue.Kind.INTEGER && value.text().length() <= 10
            ? Digits.value(value.text())
            : -1;
    if (version < 0 || version > Integer.MAX_VALUE) {
      throw invalid(
          at, TradeField.VERSION, "must be a whole number from 0 to " + Integer.MAX_VALUE, value);
    }
    return (int) version;
  }

  private static LocalDate date(
      TradeFieldValues values, String at, TradeField field, boolean mandatory) {
    FieldValue value = mandatory ? required(values, at, field) : values.get(field);
    if (value == null || value.kind() == FieldValue.Kind.NULL) {
      return null;
    }
    LocalDate date =
        value.kind() == FieldValue.Kind.STRING ? TradeDates.parse(value.text()).orElse(null) : null;
    if (date == null) {
      throw invalid(at, field, "must be a date as " + TradeDates.ACCEPTED_FORMS, value);
    }
    return date;
  }

  private static boolean flag(TradeFieldValues values, String at) {
    FieldValue value = values.get(TradeField.EXPIRED);
    if (value == null || value.kind() == FieldValue.Kind.NULL) {
      return false;
    }
    if (value.kind() != FieldValue.Kind.BOOLEAN) {
      throw invalid(at, TradeField.EXPIRED, "must be true or false", value);
    }
    return "true".equals(value.text());
  }

  private static Economics economics(TradeFieldValues values, String at) {
    boolean any =
        values.get(TradeField.INSTRUMENT) != null
            || values.get(TradeField.SIDE) != null
            || values.get(TradeField.QUANTITY) != null
            || values.get(TradeField.PRICE) != null
            || values.get(TradeField.CURRENCY) != null;
    if (!any) {
      return null;
    }
    return new Economics(
        optionalText(values, at, TradeField.INSTRUMENT),
        side(values, at),
        number(values, at, TradeField.QUANTITY),
        number(values, at, TradeField.PRICE),
        currency(values, at));
  }

  private static String optionalText(TradeFieldValues values, String at, TradeField field) {
    FieldValue value = values.get(field);
    if (value == null || value.kind() == FieldValue.Kind.NULL) {
      return null;
    }
    if (value.kind() != FieldValue.Kind.STRING
        || value.text().isBlank()
        || value.text().length() > 64) {
      throw invalid(at, field, "must be text of 1 to 64 characters", value);
    }
    return value.text();
  }

  private static Side side(TradeFieldValues values, String at) {
    String text = optionalText(values, at, TradeField.SIDE);
    if (text == null) {
      return null;
    }
    if (text.equalsIgnoreCase("BUY")) {
      return Side.BUY;
    }
    if (text.equalsIgnoreCase("SELL")) {
      return Side.SELL;
    }
    throw new FormatFault(
        RejectReason.INVALID_FIELD, at + "/side", "side must be BUY or SELL, found '" + text + "'");
  }

  private static BigDecimal number(TradeFieldValues values, String at, TradeField field) {
    FieldValue value = values.get(field);
    if (value == null || value.kind() == FieldValue.Kind.NULL) {
      return null;
    }
    if (!value.isNumber()) {
      throw invalid(at, field, "must be a number", value);
    }
    return new BigDecimal(value.text());
  }

  private static String currency(TradeFieldValues values, String at) {
    String text = optionalText(values, at, TradeField.CURRENCY);
    if (text != null && !TradeIds.isCurrency(text)) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          at + "/currency",
          "currency must be an ISO 4217 code such as EUR, found '" + text + "'");
    }
    return text;
  }

  private static FieldValue required(TradeFieldValues values, String at, TradeField field) {
    FieldValue value = values.get(field);
    if (value == null || value.kind() == FieldValue.Kind.NULL) {
      throw new FormatFault(
          RejectReason.MISSING_FIELD,
          at + "/" + field.wireName(),
          "required field '" + field.wireName() + "' is missing");
    }
    return value;
  }

  private static FormatFault invalid(String at, TradeField field, String rule, FieldValue value) {
    return new FormatFault(
        RejectReason.INVALID_FIELD,
        at + "/" + field.wireName(),
        field.wireName() + " " + rule + ", found " + value.shown());
  }
}
