package dev.tradeflow.formats;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The date forms trades may carry: ISO {@code 2027-05-20} and the trade store's {@code 20/05/2027}.
 * Dates are checked strictly: {@code 2027-02-30} is refused.
 */
public final class TradeDates {

  public static final String ACCEPTED_FORMS = "yyyy-MM-dd or dd/MM/yyyy";

  private TradeDates() {}

  public static Optional<LocalDate> parse(String text) {
    if (text == null || text.length() != 10) {
      return Optional.empty();
    }
    if (text.charAt(4) == '-' && text.charAt(7) == '-') {
      return iso(text);
    }
    if (text.charAt(2) == '/' && text.charAt(5) == '/') {
      return of(text, 6, 3, 0);
    }
    return Optional.empty();
  }

  /** The ISO form only, {@code yyyy-MM-dd}, checked strictly; empty for anything else. */
  public static Optional<LocalDate> iso(CharSequence text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return Optional.empty();
    }
    return of(text, 0, 5, 8);
  }

  private static Optional<LocalDate> of(CharSequence text, int year, int month, int day) {
    int y = (int) Digits.value(text, year, year + 4);
    int m = (int) Digits.value(text, month, month + 2);
    int d = (int) Digits.value(text, day, day + 2);
    if (y < 0 || m < 0 || d < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(y, m, d));
    } catch (DateTimeException notADay) {
      return Optional.empty();
    }
  }
}
