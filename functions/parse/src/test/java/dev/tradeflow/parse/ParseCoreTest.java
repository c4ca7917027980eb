package dev.tradeflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.formats.ParseLimits;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Trade;
import dev.tradeflow.parse.fix.FixMessages;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseCoreTest {

  static final String T1 =
      """
      {"trade_id":"T1","version":1,"counter_party_id":"CP-1","book_id":"B1",
       "maturity_date":"2027-05-20","created_date":"2026-11-21","expired":false}""";

  final ParseCore core =
      new ParseCore(
          new Emitter(Function.PARSE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
          new ParseLimits(1024, 8, 100, 200));

  static CloudEvent received(String contentType, String data) {
    return new CloudEvent(
        "in-1",
        "/tests",
        EventType.TRADE_RECEIVED.type(),
        null,
        null,
        contentType,
        null,
        data.getBytes(StandardCharsets.UTF_8));
  }

  static Trade trade(CloudEvent event) {
    assertThat(event.type()).isEqualTo(EventType.TRADE_PARSED.type());
    return Json.read(event.data(), Trade.class);
  }

  static Rejection rejection(CloudEvent event) {
    assertThat(event.type()).isEqualTo(EventType.TRADE_REJECTED.type());
    return Json.read(event.data(), Rejection.class);
  }

  @Test
  void parsesTheMinimalTradeStoreJson() {
    List<CloudEvent> out = core.parse(received("application/json", T1));
    assertThat(out).hasSize(1);
    Trade trade = trade(out.get(0));
    assertThat(trade.tradeId()).isEqualTo("T1");
    assertThat(trade.version()).isEqualTo(1);
    assertThat(trade.counterpartyId()).isEqualTo("CP-1");
    assertThat(trade.bookId()).isEqualTo("B1");
    assertThat(trade.maturityDate()).isEqualTo(LocalDate.of(2027, 5, 20));
    assertThat(trade.economics()).isNull();
    assertThat(out.get(0).subject()).isEqualTo("T1");
    assertThat(out.get(0).partitionKey()).isEqualTo("T1");
  }

  @Test
  void readsOptionalEconomicsAndTheTradeStoreDateForm() {
    String json =
        """
        {"trade_id":"T9","version":2,"counter_party_id":"CP-1","book_id":"B1",
         "maturity_date":"20/05/2027","created_date":"21/11/2026","expired":false,
         "instrument":"XS0000000001","side":"sell","quantity":1000000,"price":99.125,"currency":"EUR"}""";
    Trade trade = trade(core.parse(received("application/json", json)).get(0));
    assertThat(trade.maturityDate()).isEqualTo(LocalDate.of(2027, 5, 20));
    assertThat(trade.economics().side()).hasToString("SELL");
    assertThat(trade.economics().price()).isEqualByComparingTo("99.125");
    assertThat(trade.economics().currency()).isEqualTo("EUR");
  }

  @Test
  void anArrayGivesOneEventPerTradeAndRejectsOnlyTheBadOne() {
    String json =
        "[" + T1 + ", {\"trade_id\":\"T2\",\"version\":\"x\"}, " + T1.replace("T1", "T3") + "]";
    List<CloudEvent> out = core.parse(received("application/json", json));
    assertThat(out).hasSize(3);
    assertThat(trade(out.get(0)).tradeId()).isEqualTo("T1");
    Rejection bad = rejection(out.get(1));
    assertThat(bad.reason()).isEqualTo(RejectReason.INVALID_FIELD);
    assertThat(bad.location()).isEqualTo("/1/version");
    assertThat(bad.tradeId()).isEqualTo("T2");
    assertThat(trade(out.get(2)).tradeId()).isEqualTo("T3");
  }

  @Test
  void rejectsMalformedJsonKeepingThePayload() {
    Rejection r = rejection(core.parse(received("application/json", "{\"trade_id\": ")).get(0));
    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    assertThat(r.message()).contains("not valid JSON");
    assertThat(r.originalPayload()).isEqualTo("{\"trade_id\": ");
    assertThat(r.originalContentType()).isEqualTo("application/json");
  }

  @Test
  void rejectsAMissingFieldWithItsPointer() {
    Rejection r =
        rejection(
            core.parse(received("application/json", T1.replace("\"book_id\":\"B1\",", ""))).get(0));
    assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(r.location()).isEqualTo("/book_id");
    assertThat(r.tradeId()).isEqualTo("T1");
  }

  /** What tradeflow emits (counterparty_id) reads back; both spellings at once are one too many. */
  @Test
  void takesTheCounterpartyInEitherSpellingButNotBoth() {
    Trade emitted =
        trade(core.parse(received(null, T1.replace("counter_party_id", "counterparty_id"))).get(0));
    assertThat(emitted.counterpartyId()).isEqualTo("CP-1");
    Rejection both =
        rejection(
            core.parse(received(null, T1.replace("}", ",\"counterparty_id\":\"CP-2\"}"))).get(0));
    assertThat(both.reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    assertThat(both.message()).contains("counter_party_id and counterparty_id name the same field");
  }

  @Test
  void rejectsUnknownFieldsImpossibleDatesAndDuplicateKeys() {
    assertThat(
            rejection(core.parse(received(null, T1.replace("}", ",\"colour\":1}"))).get(0))
                .reason())
        .isEqualTo(RejectReason.UNKNOWN_FIELD);
    Rejection date =
        rejection(core.parse(received(null, T1.replace("2027-05-20", "2027-02-30"))).get(0));
    assertThat(date.reason()).isEqualTo(RejectReason.INVALID_FIELD);
    assertThat(date.location()).isEqualTo("/maturity_date");
    assertThat(
            rejection(core.parse(received(null, T1.replace("}", ",\"version\":2}"))).get(0))
                .reason())
        .isEqualTo(RejectReason.MALFORMED_PAYLOAD);
  }

  @Test
  void rejectsNegativeOrFractionalVersions() {
    assertThat(
            rejection(
                    core.parse(received(null, T1.replace("\"version\":1", "\"version\":-1")))
                        .get(0))
                .location())
        .isEqualTo("/version");
    assertThat(
            rejection(
                    core.parse(received(null, T1.replace("\"version\":1", "\"version\":1.5")))
                        .get(0))
                .reason())
        .isEqualTo(RejectReason.INVALID_FIELD);
  }

  @Test
  void enforcesSizeAndDepthLimits() {
    String big = "[" + (T1 + ",").repeat(20) + T1 + "]";
    assertThat(rejection(core.parse(received("application/json", big)).get(0)).reason())
        .isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
    String deep = "[".repeat(50) + "]".repeat(50);
    assertThat(rejection(core.parse(received("application/json", deep)).get(0)).reason())
        .isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    assertThat(rejection(core.parse(received("application/json", "")).get(0)).reason())
        .isEqualTo(RejectReason.EMPTY_PAYLOAD);
    assertThat(rejection(core.parse(received("application/json", "[]")).get(0)).reason())
        .isEqualTo(RejectReason.EMPTY_PAYLOAD);
  }

  @Test
  void sniffsTheFormatWhenThereIsNoContentType() {
    assertThat(core.parse(received(null, "  " + T1)).get(0).type())
        .isEqualTo(EventType.TRADE_PARSED.type());
    assertThat(core.parse(received("text/plain", T1)).get(0).type())
        .isEqualTo(EventType.TRADE_PARSED.type());
    String fix = FixMessages.tradeCaptureReport("F1", "0").piped();
    assertThat(core.parse(received(null, fix)).get(0).type())
        .isEqualTo(EventType.TRADE_PARSED.type());
    String xml =
        "<trade xmlns=\"urn:tradeflow:trade:1\"><trade_id>X1</trade_id><version>1</version>"
            + "<counter_party_id>CP-1</counter_party_id><book_id>B1</book_id>"
            + "<maturity_date>2027-05-20</maturity_date></trade>";
    assertThat(core.parse(received("application/octet-stream", xml)).get(0).subject())
        .isEqualTo("X1");
    Rejection brokenFix =
        rejection(core.parse(received(null, "8=FIX.4.4|9=5|35=AE|10=000|")).get(0));
    assertThat(brokenFix.reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    assertThat(brokenFix.location()).isEqualTo("tag 9");
    Rejection unknown = rejection(core.parse(received("image/png", "PNG")).get(0));
    assertThat(unknown.reason()).isEqualTo(RejectReason.UNSUPPORTED_FORMAT);
    assertThat(unknown.message()).contains("image/png");
  }

  @Test
  void binaryGarbageIsKeptAsBase64() {
    CloudEvent garbage =
        new CloudEvent(
            "g",
            "/t",
            "tradeflow.trade.received",
            null,
            null,
            null,
            null,
            new byte[] {(byte) 0xff, 0, 1});
    Rejection r = rejection(core.parse(garbage).get(0));
    assertThat(r.reason()).isEqualTo(RejectReason.UNSUPPORTED_FORMAT);
    assertThat(r.originalPayload()).isEqualTo("base64:/wAB");
  }

  @Test
  void sameInputGivesSameEventIds() {
    CloudEvent in = received("application/json", "[" + T1 + "," + T1.replace("T1", "T2") + "]");
    List<String> first = core.parse(in).stream().map(CloudEvent::id).toList();
    List<String> again = core.parse(in).stream().map(CloudEvent::id).toList();
    assertThat(first).isEqualTo(again).doesNotHaveDuplicates();
  }
}
