package dev.tradeflow.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Reads a stored trade written by {@link Json#write} with Jackson's streaming parser: the trade
 * store's rebuild reads one per record, and databind's record binding is most of its cost. It reads
 * exactly what {@link Json} writes and ignores fields it does not know, as databind does here.
 */
public final class StoredTradeJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private StoredTradeJson() {}

  public static StoredTrade read(byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      Trade trade = null;
      long revision = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "trade" -> trade = value == JsonToken.VALUE_NULL ? null : trade(p);
          case "revision" -> revision = p.getLongValue();
          default -> p.skipChildren();
        }
      }
      return new StoredTrade(trade, revision);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Trade trade(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    String tradeId = null;
    String counterparty = null;
    String book = null;
    int version = 0;
    LocalDate maturity = null;
    LocalDate created = null;
    boolean expired = false;
    Economics economics = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      boolean isNull = value == JsonToken.VALUE_NULL;
      switch (name) {
        case "trade_id" -> tradeId = isNull ? null : p.getText();
        case "version" -> version = p.getIntValue();
        case "counterparty_id" -> counterparty = isNull ? null : p.getText();
        case "book_id" -> book = isNull ? null : p.getText();
        case "maturity_date" -> maturity = isNull ? null : date(p.getText());
        case "created_date" -> created = isNull ? null : date(p.getText());
        case "expired" -> expired = p.getBooleanValue();
        case "economics" -> economics = isNull ? null : economics(p);
        default -> p.skipChildren();
      }
    }
    return new Trade(tradeId, version, counterparty, book, maturity, created, expired, economics);
  }

  private static Economics economics(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    String instrument = null;
    Side side = null;
    BigDecimal quantity = null;
    BigDecimal price = null;
    String currency = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      boolean isNull = value == JsonToken.VALUE_NULL;
      switch (name) {
        case "instrument" -> instrument = isNull ? null : p.getText();
        case "side" -> side = isNull ? null : Side.valueOf(p.getText());
        case "quantity" -> quantity = isNull ? null : p.getDecimalValue();
        case "price" -> price = isNull ? null : p.getDecimalValue();
        case "currency" -> currency = isNull ? null : p.getText();
        default -> p.skipChildren();
      }
    }
    return new Economics(instrument, side, quantity, price, currency);
  }

  /** ISO {@code yyyy-MM-dd}, as {@link Json} writes dates. */
  private static LocalDate date(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return LocalDate.parse(text);
    }
    return LocalDate.of(
        Integer.parseInt(text, 0, 4, 10),
        Integer.parseInt(text, 5, 7, 10),
        Integer.parseInt(text, 8, 10, 10));
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + ", found " + actual);
    }
  }
}
