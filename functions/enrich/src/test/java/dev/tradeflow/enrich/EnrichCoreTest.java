package dev.tradeflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.ValidatedTrade;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrichCoreTest {

  final EnrichCore core = new EnrichCore(new Emitter(Function.ENRICH, Clock.systemUTC()));
  final ValidatedTrade validated =
      new ValidatedTrade(
          new StoredTrade(
              new Trade("T1", 1, "CP-1", "B1", LocalDate.of(2027, 5, 20), null, false, null), 7),
          ValidatedTrade.Change.ACCEPTED);
  final CloudEvent cause =
      new CloudEvent(
          "c",
          "/t",
          EventType.TRADE_VALIDATED.type(),
          "T1",
          null,
          "application/json",
          "T1",
          Json.write(validated));
  final Counterparty cp = new Counterparty("CP-1", "Acme Bank", "LEI1");
  final Book book = new Book("B1", "Rates", "London");

  @Test
  void addsCounterpartyAndBook() {
    CloudEvent out = core.enrich(cause, validated, Optional.of(cp), Optional.of(book));
    assertThat(out.type()).isEqualTo(EventType.TRADE_ENRICHED.type());
    EnrichedTrade enriched = Json.read(out.data(), EnrichedTrade.class);
    assertThat(enriched.counterparty()).isEqualTo(cp);
    assertThat(enriched.book()).isEqualTo(book);
    assertThat(enriched.stored().revision()).isEqualTo(7);
  }

  @Test
  void rejectsUnknownCounterpartyThenUnknownBook() {
    Rejection noCp =
        Json.read(
            core.enrich(cause, validated, Optional.empty(), Optional.empty()).data(),
            Rejection.class);
    assertThat(noCp.reason()).isEqualTo(RejectReason.UNKNOWN_COUNTERPARTY);
    assertThat(noCp.message()).contains("CP-1");
    assertThat(noCp.stage().name()).isEqualTo("ENRICH");
    Rejection noBook =
        Json.read(
            core.enrich(cause, validated, Optional.of(cp), Optional.empty()).data(),
            Rejection.class);
    assertThat(noBook.reason()).isEqualTo(RejectReason.UNKNOWN_BOOK);
    assertThat(noBook.originalPayload()).isEqualTo(cause.dataAsText());
  }
}
