package dev.tradeflow.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The business date: today in the configured business zone, by an injectable clock, so tests and
 * replays can set the date.
 */
public record BusinessCalendar(Clock clock, ZoneId zone) {

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /** A trade has matured once its maturity date is before the business date. */
  public static boolean matured(Trade trade, LocalDate businessDate) {
    return trade.maturityDate().isBefore(businessDate);
  }

  /**
   * {@code days} business days after {@code date}, skipping Saturdays and Sundays. Holidays are not
   * known: a settlement date that falls on one is not moved.
   */
  public static LocalDate plusBusinessDays(LocalDate date, int days) {
    LocalDate day = date;
    for (int left = days; left > 0; ) {
      day = day.plusDays(1);
      if (day.getDayOfWeek().getValue() < 6) {
        left--;
      }
    }
    return day;
  }

  /** Matured, and not yet flagged: what the expiry job looks for. */
  public static boolean dueForExpiry(Trade trade, LocalDate businessDate) {
    return !trade.expired() && matured(trade, businessDate);
  }
}
