package dev.tradeflow.enrich.reference;

import dev.tradeflow.formats.TradeIds;
import dev.tradeflow.model.FieldError;
import dev.tradeflow.model.WireEnum;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one {@link ReferenceRow}, collecting a {@link FieldError} for every field
 * that is missing or wrong instead of stopping at the first. A reader that asks for a field also
 * declares it: {@link #unknownFields} names the rest.
 */
final class RowFields {

  /** Longest text field taken (names, desks). */
  static final int MAX_TEXT = 200;

  /** Longest decimal taken, in characters: plain digits with one optional point. */
  static final int MAX_DECIMAL = 32;

  private final ReferenceRow row;
  private final List<FieldError> errors = new ArrayList<>();
  private final Set<String> declared = new LinkedHashSet<>();

  RowFields(ReferenceRow row) {
    this.row = row;
  }

  List<FieldError> errors() {
    return errors;
  }

  /** Required; an id as trades spell ids. */
  String id(String field) {
    String text = required(field);
    if (text != null && !TradeIds.isId(text)) {
      fault(field, "must be " + TradeIds.ID_RULE + ", found '" + shorten(text) + "'");
    }
    return text;
  }

  /** Required, not blank. */
  String text(String field) {
    String text = required(field);
    return text == null ? null : checkedText(field, text);
  }

  /** Not blank when present. */
  String optionalText(String field) {
    String text = optional(field);
    return text == null ? null : checkedText(field, text);
  }

  /** Optional; when present, 18 letters or digits and two check digits (ISO 17442). */
  String lei(String field) {
    String text = optional(field);
    if (text != null && !isLei(text)) {
      fault(field, "must be a 20-character LEI (ISO 17442), found '" + shorten(text) + "'");
    }
    return text;
  }

  /** Required; three upper-case letters. */
  String currency(String field) {
    String text = required(field);
    if (text != null && !TradeIds.isCurrency(text)) {
      fault(field, "must be an ISO 4217 code such as EUR, found '" + shorten(text) + "'");
    }
    return text;
  }

  /** Required; a plain decimal greater than zero, such as {@code 1.0825}. */
  BigDecimal positive(String field) {
    String text = required(field);
    if (text == null) {
      return null;
    }
    if (!isPlainDecimal(text)) {
      fault(
          field,
          "must be a plain decimal number of at most "
              + MAX_DECIMAL
              + " characters, found '"
              + shorten(text)
              + "'");
      return null;
    }
    BigDecimal value = new BigDecimal(text);
    if (value.signum() <= 0) {
      fault(field, "must be greater than zero, found " + text);
      return null;
    }
    return value;
  }

  /** Required; a whole number from {@code min} to {@code max}. */
  int whole(String field, int min, int max) {
    String text = required(field);
    if (text == null) {
      return 0;
    }
    long value = text.length() > 9 ? -1 : dev.tradeflow.formats.Digits.value(text);
    if (value < min || value > max) {
      fault(field, "must be a whole number from " + min + " to " + max + ", found '" + text + "'");
      return 0;
    }
    return (int) value;
  }

  /** Required; one of the wire names of {@code type}. */
  <E extends Enum<E> & WireEnum> E choice(String field, Class<E> type) {
    String text = required(field);
    if (text == null) {
      return null;
    }
    return WireEnum.of(type, text)
        .orElseGet(
            () -> {
              fault(
                  field,
                  "must be one of " + WireEnum.names(type) + ", found '" + shorten(text) + "'");
              return null;
            });
  }

  /** A fault for every field the row has that no reader asked for. */
  void unknownFields(String kind) {
    for (String field : row.fields().keySet()) {
      if (!declared.contains(field)) {
        fault(field, "is not a field of " + kind + "; the fields are " + declared);
      }
    }
  }

  /** A fault found by the caller, such as a key that differs from the one in the path. */
  void fault(String field, String reason) {
    errors.add(new FieldError(row.number(), field, reason));
  }

  private String required(String field) {
    String text = optional(field);
    if (text == null) {
      fault(field, "is required");
    }
    return text;
  }

  private String optional(String field) {
    declared.add(field);
    return row.fields().get(field);
  }

  private String checkedText(String field, String text) {
    if (text.isBlank()) {
      fault(field, "must not be blank");
    } else if (text.length() > MAX_TEXT) {
      fault(field, "must be at most " + MAX_TEXT + " characters, found " + text.length());
    }
    return text;
  }

  static boolean isPlainDecimal(String text) {
    if (text.isEmpty() || text.length() > MAX_DECIMAL) {
      return false;
    }
    int point = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' && point < 0 && i > 0 && i < text.length() - 1) {
        point = i;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLei(String text) {
    if (text.length() != 20) {
      return false;
    }
    for (int i = 0; i < 20; i++) {
      char c = text.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean upper = c >= 'A' && c <= 'Z';
      if (i >= 18 ? !digit : !(digit || upper)) {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
