package dev.tradeflow.enrich.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.FieldError;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference data as requests send it, into rows: a JSON object, a JSON array of objects, or CSV
 * ({@link CsvRows}). Numbers keep every digit sent (read as decimals, never as doubles).
 */
public final class ReferenceBodies {

  private static final ObjectReader TREES =
      Json.mapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Digits a number may have on either side of its point. */
  private static final int MAX_DIGITS = 32;

  private ReferenceBodies() {}

  /** The JSON text of {@code body}, or {@link InvalidReferenceData} if it is not JSON. */
  public static JsonNode tree(byte[] body) {
    if (body.length == 0) {
      throw InvalidReferenceData.of(null, null, "the body is empty");
    }
    try {
      return TREES.readTree(body);
    } catch (JsonProcessingException e) {
      throw InvalidReferenceData.of(null, null, "the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw InvalidReferenceData.of(null, null, "the body cannot be read");
    }
  }

  /** The rows of a JSON array of objects, numbered from 1. */
  public static List<ReferenceRow> array(byte[] body, int maxRows) {
    JsonNode tree = tree(body);
    if (!tree.isArray()) {
      throw InvalidReferenceData.of(null, null, "the body must be a JSON array of objects");
    }
    if (tree.size() > maxRows) {
      throw tooMany(tree.size(), maxRows);
    }
    List<ReferenceRow> rows = new ArrayList<>(tree.size());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      try {
        rows.add(row(tree.get(i), i + 1));
      } catch (InvalidReferenceData e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidReferenceData(errors);
    }
    return rows;
  }

  /** One JSON object's fields as a row; {@code number} null for a single value. */
  public static ReferenceRow row(JsonNode node, Integer number) {
    if (node == null || !node.isObject()) {
      throw InvalidReferenceData.of(number, null, "must be a JSON object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> all = node.fields();
    while (all.hasNext()) {
      Map.Entry<String, JsonNode> field = all.next();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (value.isContainerNode()) {
        errors.add(new FieldError(number, field.getKey(), "must be a single value"));
      } else if (value.isNumber()) {
        BigDecimal decimal = value.decimalValue();
        if (decimal.scale() > MAX_DIGITS || decimal.precision() - decimal.scale() > MAX_DIGITS) {
          errors.add(new FieldError(number, field.getKey(), "is out of range"));
        } else {
          fields.put(field.getKey(), decimal.toPlainString());
        }
      } else {
        fields.put(field.getKey(), value.asText());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidReferenceData(errors);
    }
    return new ReferenceRow(number, fields);
  }

  /** The rows of a CSV body whose header row names the fields. */
  public static List<ReferenceRow> csv(byte[] body, int maxRows) {
    return CsvRows.read(body, maxRows);
  }

  static InvalidReferenceData tooMany(int rows, int maxRows) {
    return InvalidReferenceData.of(
        null,
        null,
        "the request has " + rows + " rows; at most " + maxRows + " are taken in one request");
  }
}
