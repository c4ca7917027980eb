package dev.tradeflow.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.tradeflow.model.RejectReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads trades in the trade-store JSON format: one object or an array of them, snake_case fields.
 * Streams the tokens (no tree is built) and applies {@link TradeFields} to each trade, so one bad
 * trade does not stop the others; a field given twice is that trade's fault. Never throws on bad
 * input: every fault comes back as a {@link Decoded.Fault} with a JSON pointer; a document that is
 * not JSON is one fault for the whole.
 */
public final class TradeJsonReader {

  private final JsonFactory factory;
  private final int maxTrades;

  public TradeJsonReader(int maxNestingDepth, int maxTrades) {
    this.maxTrades = maxTrades;
    this.factory =
        JsonFactory.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxNestingDepth)
                    .maxNumberLength(64)
                    .maxStringLength(16_384)
                    .build())
            .build();
  }

  public TradeJsonReader() {
    this(16, 10_000);
  }

  public List<Decoded> read(byte[] json) {
    try (JsonParser parser = factory.createParser(json)) {
      JsonToken first = parser.nextToken();
      List<Decoded> trades;
      if (first == null) {
        return List.of(fault(RejectReason.EMPTY_PAYLOAD, "the JSON document is empty"));
      } else if (first == JsonToken.START_OBJECT) {
        trades = List.of(trade(parser, ""));
      } else if (first == JsonToken.START_ARRAY) {
        trades = array(parser);
        if (trades.isEmpty()) {
          return List.of(fault(RejectReason.EMPTY_PAYLOAD, "the array holds no trade"));
        }
      } else {
        return List.of(
            fault(
                RejectReason.MALFORMED_PAYLOAD,
                "expected a trade object or an array of trades, found " + describe(first)));
      }
      if (parser.nextToken() != null) {
        return List.of(
            fault(
                RejectReason.MALFORMED_PAYLOAD,
                "there is more after the end of the JSON document, at "
                    + parser.currentLocation().offsetDescription()));
      }
      return trades;
    } catch (TooManyTrades e) {
      return List.of(
          fault(
              RejectReason.PAYLOAD_TOO_LARGE,
              "the array holds more than " + maxTrades + " trades; the limit is " + maxTrades));
    } catch (JsonProcessingException e) {
      return List.of(malformed(e));
    } catch (IOException e) {
      return List.of(fault(RejectReason.MALFORMED_PAYLOAD, String.valueOf(e.getMessage())));
    }
  }

  private List<Decoded> array(JsonParser parser) throws IOException {
    List<Decoded> trades = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (trades.size() == maxTrades) {
        throw new TooManyTrades();
      }
      String at = "/" + trades.size();
      if (token == JsonToken.START_OBJECT) {
        trades.add(trade(parser, at));
      } else {
        parser.skipChildren();
        trades.add(
            new Decoded.Fault(
                null, RejectReason.MALFORMED_PAYLOAD, "a trade must be a JSON object", at));
      }
    }
    return trades;
  }

  /** Reads one object's fields, the parser standing on its START_OBJECT. */
  private static Decoded trade(JsonParser parser, String at) throws IOException {
    TradeFieldValues values = new TradeFieldValues();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      values.put(name, value(parser, parser.nextToken()));
    }
    return TradeFields.read(values, at);
  }

  private static FieldValue value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> new FieldValue(FieldValue.Kind.STRING, parser.getText());
      case VALUE_NUMBER_INT -> new FieldValue(FieldValue.Kind.INTEGER, parser.getText());
      case VALUE_NUMBER_FLOAT -> new FieldValue(FieldValue.Kind.DECIMAL, parser.getText());
      case VALUE_TRUE -> new FieldValue(FieldValue.Kind.BOOLEAN, "true");
      case VALUE_FALSE -> new FieldValue(FieldValue.Kind.BOOLEAN, "false");
      case VALUE_NULL -> FieldValue.NULL;
      default -> {
        String shape = token == JsonToken.START_ARRAY ? "[…]" : "{…}";
        parser.skipChildren();
        yield new FieldValue(FieldValue.Kind.STRUCTURE, shape);
      }
    };
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString();
    };
  }

  private static Decoded.Fault fault(RejectReason reason, String message) {
    return new Decoded.Fault(null, reason, message, "");
  }

  private static Decoded.Fault malformed(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return fault(
        RejectReason.MALFORMED_PAYLOAD, "not valid JSON" + where + ": " + e.getOriginalMessage());
  }

  /** Stops reading an array that is over the limit. */
  private static final class TooManyTrades extends RuntimeException {
    TooManyTrades() {
      super(null, null, false, false);
    }
  }
}
