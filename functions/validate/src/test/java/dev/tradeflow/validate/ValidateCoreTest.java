package dev.tradeflow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeCancel;
import dev.tradeflow.model.TradeDeletion;
import dev.tradeflow.model.TradeExpiry;
import dev.tradeflow.model.ValidatedTrade;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidateCoreTest {

  static final ZoneId ZONE = ZoneId.of("Europe/London");
  static final Clock CLOCK =
      Clock.fixed(ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, ZONE).toInstant(), ZONE);

  final Revisions revisions = new Revisions(CLOCK);
  final ValidateCore decisions = new ValidateCore(new BusinessCalendar(CLOCK, ZONE), revisions);
  final StoreEvents edge = new StoreEvents(new Emitter(Function.VALIDATE, CLOCK));

  /** The core's decision turned into events by the edge, as the handler puts them together. */
  final class CoreAndEdge {
    ValidateResult onTrade(CloudEvent cause, Trade trade, Optional<StoredTrade> current) {
      return edge.of(cause, decisions.onTrade(cause, trade, current));
    }

    ValidateResult onExpiry(CloudEvent cause, TradeExpiry expiry, Optional<StoredTrade> current) {
      return edge.of(cause, decisions.onExpiry(cause, expiry, current));
    }

    ValidateResult onDelete(CloudEvent cause, Optional<StoredTrade> current) {
      return edge.of(cause, decisions.onDelete(cause, current));
    }

    ValidateResult onCancel(CloudEvent cause, TradeCancel cancel, Optional<StoredTrade> current) {
      return edge.of(cause, decisions.onCancel(cause, cancel, current));
    }
  }

  final CoreAndEdge core = new CoreAndEdge();

  @Test
  void theCoreDecidesWithoutBuildingEvents() {
    StoreOutcome accepted =
        decisions.onTrade(cause("o1"), trade("T1", 1, "2027-05-20"), Optional.empty());
    assertThat(accepted).isInstanceOf(StoreOutcome.Stored.class);
    assertThat(((StoreOutcome.Stored) accepted).change()).isEqualTo(ValidatedTrade.Change.ACCEPTED);
    StoreOutcome matured =
        decisions.onTrade(cause("o2"), trade("T2", 1, "2014-05-20"), Optional.empty());
    assertThat(matured)
        .isInstanceOfSatisfying(
            StoreOutcome.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(RejectReason.MATURITY_IN_PAST));
    assertThat(decisions.onDelete(cause("o3"), Optional.empty()))
        .isInstanceOf(StoreOutcome.Unchanged.class);
  }

  static CloudEvent cause(String id) {
    return new CloudEvent(
        id,
        "/tests",
        EventType.TRADE_PARSED.type(),
        null,
        null,
        "application/json",
        null,
        "{}".getBytes());
  }

  static Trade trade(String id, int version, String maturity) {
    return new Trade(id, version, "CP-1", "B1", LocalDate.parse(maturity), null, false, null);
  }

  @Test
  void acceptedTradeIsStoredEmittedAndAudited() {
    ValidateResult r = core.onTrade(cause("c1"), trade("T1", 1, "2027-05-20"), Optional.empty());
    StoredTrade stored = ((StoreChange.Put) r.change()).trade();
    assertThat(stored.trade().tradeId()).isEqualTo("T1");
    assertThat(r.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.TRADE_VALIDATED.type());
              ValidatedTrade v = Json.read(e.data(), ValidatedTrade.class);
              assertThat(v.change()).isEqualTo(ValidatedTrade.Change.ACCEPTED);
              assertThat(v.stored()).isEqualTo(stored);
            });
    assertThat(r.audit().action()).isEqualTo(AuditAction.ACCEPTED);
    assertThat(r.audit().causeId()).isEqualTo("c1");
  }

  @Test
  void rejectionChangesNothingAndSaysWhy() {
    StoredTrade v2 = new StoredTrade(trade("T2", 2, "2027-05-20"), 10);
    ValidateResult r = core.onTrade(cause("c2"), trade("T2", 1, "2027-05-20"), Optional.of(v2));
    assertThat(r.change()).isEqualTo(StoreChange.NONE);
    Rejection why = Json.read(r.events().get(0).data(), Rejection.class);
    assertThat(why.reason()).isEqualTo(RejectReason.LOWER_VERSION);
    assertThat(why.stage().name()).isEqualTo("VALIDATE");
    assertThat(why.originalPayload()).isEqualTo("{}");
    assertThat(r.audit().action()).isEqualTo(AuditAction.REJECTED);
    assertThat(r.audit().reason()).isEqualTo(RejectReason.LOWER_VERSION);
  }

  @Test
  void expiryFlagsAMaturedTradeAndKeepsIt() {
    StoredTrade matured = new StoredTrade(trade("T4", 1, "2026-11-20"), 10);
    ValidateResult r =
        core.onExpiry(
            cause("x"),
            new TradeExpiry("T4", 1, LocalDate.parse("2026-11-20"), null),
            Optional.of(matured));
    StoredTrade flagged = ((StoreChange.Put) r.change()).trade();
    assertThat(flagged.trade().expired()).isTrue();
    assertThat(flagged.revision()).isGreaterThan(10);
    assertThat(Json.read(r.events().get(0).data(), ValidatedTrade.class).change())
        .isEqualTo(ValidatedTrade.Change.EXPIRED);
    assertThat(r.audit().action()).isEqualTo(AuditAction.EXPIRED);
  }

  @Test
  void anExpiryAskedForBySomeoneIsAuditedAsTheirs() {
    StoredTrade matured = new StoredTrade(trade("T7", 1, "2026-11-20"), 10);
    TradeExpiry asked = new TradeExpiry("T7", 1, LocalDate.parse("2026-11-20"), null, "olivia");
    assertThat(core.onExpiry(cause("o"), asked, Optional.of(matured)).audit().actor())
        .isEqualTo("olivia");
    TradeExpiry scheduled = new TradeExpiry("T7", 1, LocalDate.parse("2026-11-20"), null);
    assertThat(core.onExpiry(cause("s"), scheduled, Optional.of(matured)).audit().actor()).isNull();
  }

  @Test
  void expiryIsANoOpForUnknownAlreadyExpiredOrNotYetMaturedTrades() {
    TradeExpiry expiry = new TradeExpiry("T5", 1, LocalDate.parse("2026-11-20"), null);
    assertThat(core.onExpiry(cause("a"), expiry, Optional.empty()).events()).isEmpty();
    StoredTrade already = new StoredTrade(trade("T5", 1, "2026-11-20").withExpired(true), 1);
    assertThat(core.onExpiry(cause("b"), expiry, Optional.of(already)).change())
        .isEqualTo(StoreChange.NONE);
    StoredTrade renewed = new StoredTrade(trade("T5", 2, "2027-11-20"), 2);
    assertThat(core.onExpiry(cause("c"), expiry, Optional.of(renewed)).audit()).isNull();
  }

  @Test
  void deleteWritesATombstoneAndEmitsDeletedWithANewerRevision() {
    StoredTrade stored = new StoredTrade(trade("T6", 1, "2027-01-01"), revisions.next());
    ValidateResult r = core.onDelete(cause("d"), Optional.of(stored));
    assertThat(r.change()).isEqualTo(new StoreChange.Delete("T6"));
    TradeDeletion deletion = Json.read(r.events().get(0).data(), TradeDeletion.class);
    assertThat(deletion.revision()).isGreaterThan(stored.revision());
    assertThat(r.audit().action()).isEqualTo(AuditAction.DELETED);
    assertThat(core.onDelete(cause("e"), Optional.empty()).events()).isEmpty();
  }

  @Test
  void cancelRemovesTheTradeUnlessItIsOlderOrUnknown() {
    StoredTrade v2 = new StoredTrade(trade("T8", 2, "2027-01-01"), revisions.next());

    ValidateResult older = core.onCancel(cause("c1"), new TradeCancel("T8", 1), Optional.of(v2));
    assertThat(older.change()).isEqualTo(StoreChange.NONE);
    assertThat(Json.read(older.events().get(0).data(), Rejection.class).reason())
        .isEqualTo(RejectReason.LOWER_VERSION);

    ValidateResult unknown = core.onCancel(cause("c2"), new TradeCancel("T9", 1), Optional.empty());
    assertThat(unknown.change()).isEqualTo(StoreChange.NONE);
    Rejection why = Json.read(unknown.events().get(0).data(), Rejection.class);
    assertThat(why.reason()).isEqualTo(RejectReason.UNKNOWN_TRADE);
    assertThat(why.tradeId()).isEqualTo("T9");

    ValidateResult cancelled =
        core.onCancel(cause("c3"), new TradeCancel("T8", 2), Optional.of(v2));
    assertThat(cancelled.change()).isEqualTo(new StoreChange.Delete("T8"));
    assertThat(cancelled.events().get(0).type()).isEqualTo(EventType.TRADE_DELETED.type());
    assertThat(cancelled.audit().action()).isEqualTo(AuditAction.CANCELLED);
  }

  @Test
  void replayingTheSameInputGivesTheSameStoredTradeAndEventId() {
    Trade t = trade("T7", 3, "2027-01-01");
    ValidateResult first = core.onTrade(cause("same"), t, Optional.empty());
    StoredTrade stored = ((StoreChange.Put) first.change()).trade();
    ValidateResult replay = core.onTrade(cause("same"), t, Optional.of(stored));
    assertThat(((StoreChange.Put) replay.change()).trade().trade()).isEqualTo(stored.trade());
    assertThat(replay.events().get(0).id()).isEqualTo(first.events().get(0).id());
    assertThat(replay.audit().action()).isEqualTo(AuditAction.REPLACED);
  }

  @Test
  void revisionsOnlyGrow() {
    long a = revisions.next();
    revisions.observe(a + 1000);
    assertThat(revisions.next()).isGreaterThan(a + 1000);
  }
}
