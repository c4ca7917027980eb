package dev.tradeflow.binding;

import dev.tradeflow.model.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The business calendar from config: {@code tradeflow.business.zone} (default Europe/London), and
 * optionally {@code tradeflow.business.date} to pin the date (tests, demos, replays).
 */
@ApplicationScoped
public class BusinessCalendarProducer {

  @ConfigProperty(name = "tradeflow.business.zone")
  String zoneName;

  /**
   * Read as text, like the zone: SmallRye Config's implicit {@code LocalDate} converter works by
   * reflection, which a native image does not keep (the native integration test found it).
   */
  @ConfigProperty(name = "tradeflow.business.date")
  Optional<String> pinnedDate;

  @Produces
  @jakarta.inject.Singleton
  BusinessCalendar calendar() {
    ZoneId zone = ZoneId.of(zoneName);
    Clock clock =
        pinnedDate
            .map(LocalDate::parse)
            .map(date -> Clock.fixed(date.atTime(LocalTime.NOON).atZone(zone).toInstant(), zone))
            .orElseGet(() -> Clock.system(zone));
    return new BusinessCalendar(clock, zone);
  }
}
