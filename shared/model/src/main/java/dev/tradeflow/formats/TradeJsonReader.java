package dev.tradeflow.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tradeflow.model.RejectReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads trades in the trade-store JSON format: one object or an array of them, snake_case fields.
 * Each array element is read on its own, so one bad trade does not stop the others. Never throws on
 * bad input: every fault comes back as a {@link Decoded.Fault} with a JSON pointer.
 */
public final class TradeJsonReader {

  private final ObjectMapper mapper;
  private final int maxTrades;

  public TradeJsonReader(int maxNestingDepth, int maxTrades) {
    this.maxTrades = maxTrades;
    this.mapper =
        JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxNumberLength(64)
                .maxStringLength(16_384)
                .build());
  }

  public TradeJsonReader() {
    this(16, 10_000);
  }

  public List<Decoded> read(byte[] json) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return List.of(malformed(e));
    } catch (IOException e) {
      return List.of(new Decoded.Fault(null, RejectReason.MALFORMED_PAYLOAD, e.getMessage(), ""));
    }
    if (root == null || root.isMissingNode()) {
      return List.of(
          new Decoded.Fault(null, RejectReason.EMPTY_PAYLOAD, "the JSON document is empty", ""));
    }
    if (root.isObject()) {
      return List.of(TradeJsonFields.read(root, ""));
    }
    if (root.isArray()) {
      if (root.isEmpty()) {
        return List.of(
            new Decoded.Fault(null, RejectReason.EMPTY_PAYLOAD, "the array holds no trade", ""));
      }
      if (root.size() > maxTrades) {
        return List.of(
            new Decoded.Fault(
                null,
                RejectReason.PAYLOAD_TOO_LARGE,
                "the array holds " + root.size() + " trades; the limit is " + maxTrades,
                ""));
      }
      List<Decoded> trades = new ArrayList<>(root.size());
      for (int i = 0; i < root.size(); i++) {
        trades.add(TradeJsonFields.read(root.get(i), "/" + i));
      }
      return trades;
    }
    return List.of(
        new Decoded.Fault(
            null,
            RejectReason.MALFORMED_PAYLOAD,
            "expected a trade object or an array of trades, found " + root.getNodeType(),
            ""));
  }

  private static Decoded.Fault malformed(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return new Decoded.Fault(
        null,
        RejectReason.MALFORMED_PAYLOAD,
        "not valid JSON" + where + ": " + e.getOriginalMessage(),
        "");
  }
}
