package dev.tradeflow.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Trade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/** The field rules of one trade-store JSON trade. */
public final class TradeJsonFields {

  public static final Set<String> FIELDS =
      Set.of(
          "trade_id",
          "version",
          "counter_party_id",
          "book_id",
          "maturity_date",
          "created_date",
          "expired",
          "instrument",
          "side",
          "quantity",
          "price",
          "currency");

  private TradeJsonFields() {}

  /** One trade object; faults carry pointers under {@code at}. */
  public static Decoded read(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      return new Decoded.Fault(
          null, RejectReason.MALFORMED_PAYLOAD, "a trade must be a JSON object", at);
    }
    try {
      return new Decoded.Read(readTrade(node, at));
    } catch (FieldFault fault) {
      String tradeId = node.path("trade_id").isTextual() ? node.path("trade_id").asText() : null;
      return new Decoded.Fault(tradeId, fault.reason, fault.getMessage(), fault.pointer);
    }
  }

  private static Trade readTrade(JsonNode node, String at) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new FieldFault(
            RejectReason.UNKNOWN_FIELD, at + "/" + name, "unknown field '" + name + "'");
      }
    }
    String tradeId = id(node, at, "trade_id");
    int version = version(node, at);
    String counterparty = id(node, at, "counter_party_id");
    String book = id(node, at, "book_id");
    LocalDate maturity = date(node, at, "maturity_date", true);
    LocalDate created = date(node, at, "created_date", false);
    boolean expired = flag(node, at, "expired");
    return new Trade(
        tradeId, version, counterparty, book, maturity, created, expired, economics(node, at));
  }

  private static String id(JsonNode node, String at, String field) {
    JsonNode value = required(node, at, field);
    if (!value.isTextual() || !TradeIds.isId(value.asText())) {
      throw new FieldFault(
          RejectReason.INVALID_FIELD,
          at + "/" + field,
          field + " must be " + TradeIds.ID_RULE + ", found " + shown(value));
    }
    return value.asText();
  }

  private static int version(JsonNode node, String at) {
    JsonNode value = required(node, at, "version");
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
      throw new FieldFault(
          RejectReason.INVALID_FIELD,
          at + "/version",
          "version must be a whole number from 0 to "
              + Integer.MAX_VALUE
              + ", found "
              + shown(value));
    }
    return value.asInt();
  }

  private static LocalDate date(JsonNode node, String at, String field, boolean mandatory) {
    JsonNode value = mandatory ? required(node, at, field) : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalidDate(at, field, value);
    }
    return TradeDates.parse(value.asText()).orElseThrow(() -> invalidDate(at, field, value));
  }

  private static FieldFault invalidDate(String at, String field, JsonNode value) {
    return new FieldFault(
        RejectReason.INVALID_FIELD,
        at + "/" + field,
        field + " must be a date as " + TradeDates.ACCEPTED_FORMS + ", found " + shown(value));
  }

  private static boolean flag(JsonNode node, String at, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new FieldFault(
          RejectReason.INVALID_FIELD,
          at + "/" + field,
          field + " must be true or false, found " + shown(value));
    }
    return value.asBoolean();
  }

  private static Economics economics(JsonNode node, String at) {
    boolean any =
        node.has("instrument")
            || node.has("side")
            || node.has("quantity")
            || node.has("price")
            || node.has("currency");
    if (!any) {
      return null;
    }
    return new Economics(
        optionalText(node, at, "instrument"),
        side(node, at),
        number(node, at, "quantity"),
        number(node, at, "price"),
        currency(node, at));
  }

  private static String optionalText(JsonNode node, String at, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 64) {
      throw new FieldFault(
          RejectReason.INVALID_FIELD,
          at + "/" + field,
          field + " must be text of 1 to 64 characters, found " + shown(value));
    }
    return value.asText();
  }

  private static Side side(JsonNode node, String at) {
    String text = optionalText(node, at, "side");
    if (text == null) {
      return null;
    }
    try {
      return Side.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FieldFault(
          RejectReason.INVALID_FIELD,
          at + "/side",
          "side must be BUY or SELL, found '" + text + "'");
    }
  }

  private static BigDecimal number(JsonNode node, String at, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new FieldFault(
          RejectReason.INVALID_FIELD,
          at + "/" + field,
          field + " must be a number, found " + shown(value));
    }
    return value.decimalValue();
  }

  private static String currency(JsonNode node, String at) {
    String text = optionalText(node, at, "currency");
    if (text != null && !TradeIds.isCurrency(text)) {
      throw new FieldFault(
          RejectReason.INVALID_FIELD,
          at + "/currency",
          "currency must be an ISO 4217 code such as EUR, found '" + text + "'");
    }
    return text;
  }

  private static JsonNode required(JsonNode node, String at, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new FieldFault(
          RejectReason.MISSING_FIELD,
          at + "/" + field,
          "required field '" + field + "' is missing");
    }
    return value;
  }

  private static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /** Thrown inside this class only, to stop at the first fault of a trade. */
  private static final class FieldFault extends RuntimeException {
    private final RejectReason reason;
    private final String pointer;

    FieldFault(RejectReason reason, String pointer, String message) {
      super(message, null, false, false);
      this.reason = reason;
      this.pointer = pointer;
    }
  }
}
