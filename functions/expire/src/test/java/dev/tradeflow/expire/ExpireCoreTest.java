package dev.tradeflow.expire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeExpiry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpireCoreTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
  final ExpiryEvents events = new ExpiryEvents(new Emitter(Function.EXPIRE, Clock.systemUTC()));
  final CloudEvent tick =
      new CloudEvent(
          "tick-1", "/tests", EventType.EXPIRY_TICK.type(), null, null, null, null, null);

  static StoredTrade stored(String id, String maturity, boolean expired) {
    return new StoredTrade(
        new Trade(id, 2, "CP", "B", LocalDate.parse(maturity), null, expired, null), 1);
  }

  /** The core's expiries as the handler emits them. */
  List<CloudEvent> sweep(
      CloudEvent tick, List<StoredTrade> trades, LocalDate today, String requestedBy) {
    return events.of(tick, ExpireCore.due(trades, today, requestedBy));
  }

  @Test
  void theCoreFindsTheDueExpiriesWithoutBuildingEvents() {
    assertThat(ExpireCore.due(List.of(stored("T-a", "2014-05-20", false)), TODAY, null))
        .containsExactly(new TradeExpiry("T-a", 2, LocalDate.of(2014, 5, 20), TODAY));
  }

  @Test
  void emitsOneExpiredEventPerMaturedUnflaggedTrade() {
    List<CloudEvent> out =
        sweep(
            tick,
            List.of(
                stored("T-b", "2026-11-20", false),
                stored("T-a", "2014-05-20", false),
                stored("T-today", "2026-11-21", false),
                stored("T-future", "2027-05-20", false),
                stored("T-done", "2026-01-01", true)),
            TODAY,
            null);
    assertThat(out).extracting(CloudEvent::subject).containsExactly("T-a", "T-b");
    assertThat(out).allMatch(e -> e.type().equals(EventType.TRADE_EXPIRED.type()));
    TradeExpiry first = Json.read(out.get(0).data(), TradeExpiry.class);
    assertThat(first).isEqualTo(new TradeExpiry("T-a", 2, LocalDate.of(2014, 5, 20), TODAY));
  }

  @Test
  void theSameTickGivesTheSameEventIds() {
    List<StoredTrade> trades =
        List.of(stored("T1", "2026-01-01", false), stored("T2", "2026-01-02", false));
    assertThat(sweep(tick, trades, TODAY, null))
        .extracting(CloudEvent::id)
        .isEqualTo(sweep(tick, trades, TODAY, null).stream().map(CloudEvent::id).toList())
        .doesNotHaveDuplicates();
  }

  @Test
  void nothingDueGivesNothing() {
    assertThat(sweep(tick, List.of(stored("T", "2030-01-01", false)), TODAY, null)).isEmpty();
  }

  @Test
  void aSweepAskedForBySomeoneNamesThemInEveryExpiry() {
    List<CloudEvent> out =
        sweep(tick, List.of(stored("T-a", "2014-05-20", false)), TODAY, "olivia");
    assertThat(Json.read(out.get(0).data(), TradeExpiry.class).requestedBy()).isEqualTo("olivia");
    assertThat(out.get(0).dataAsText()).contains("\"requested_by\":\"olivia\"");
  }
}
