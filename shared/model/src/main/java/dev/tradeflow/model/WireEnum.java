package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum spelt on the wire in lower case, as its constant is named: {@code PER_UNIT} is {@code
 * per_unit}. Jackson writes and reads it so; {@link #of} reads it with a clear fault.
 */
public interface WireEnum {

  String name();

  @JsonValue
  default String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} spelt {@code name}, if there is one. */
  static <E extends Enum<E> & WireEnum> Optional<E> of(Class<E> type, String name) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wireName().equals(name)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /** Every spelling {@code type} takes, for error messages. */
  static <E extends Enum<E> & WireEnum> List<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).toList();
  }
}
