package dev.tradeflow.enrich.reference;

import dev.tradeflow.model.FieldError;
import java.util.List;

/** Reference data that cannot be taken, with every fault found in it. Nothing of it is applied. */
public final class InvalidReferenceData extends RuntimeException {

  /** At most this many faults are listed; the detail says how many there were. */
  static final int LISTED = 100;

  private final List<FieldError> errors;

  public InvalidReferenceData(List<FieldError> errors) {
    super(describe(errors), null, false, false);
    this.errors = List.copyOf(errors.subList(0, Math.min(LISTED, errors.size())));
  }

  public static InvalidReferenceData of(Integer row, String field, String reason) {
    return new InvalidReferenceData(List.of(new FieldError(row, field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    String first = errors.isEmpty() ? "" : ": " + errors.get(0);
    return errors.size() == 1
        ? "1 fault in the reference data" + first
        : errors.size() + " faults in the reference data, the first" + first;
  }
}
