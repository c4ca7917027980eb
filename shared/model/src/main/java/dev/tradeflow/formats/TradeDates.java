package dev.tradeflow.formats;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * The date forms trades may carry: ISO {@code 2027-05-20} and the trade store's {@code 20/05/2027}.
 * Dates are checked strictly: {@code 2027-02-30} is refused.
 */
public final class TradeDates {

  private static final List<DateTimeFormatter> FORMS =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

  public static final String ACCEPTED_FORMS = "yyyy-MM-dd or dd/MM/yyyy";

  private TradeDates() {}

  public static Optional<LocalDate> parse(String text) {
    for (DateTimeFormatter form : FORMS) {
      try {
        return Optional.of(LocalDate.parse(text, form));
      } catch (DateTimeParseException notThisForm) {
        // try the next form
      }
    }
    return Optional.empty();
  }
}
