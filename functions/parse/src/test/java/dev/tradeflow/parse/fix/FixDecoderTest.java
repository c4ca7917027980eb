package dev.tradeflow.parse.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeCancel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixDecoderTest {

  private final FixDecoder decoder = new FixDecoder(4096);

  private Decoded decode(String message) {
    List<Decoded> decoded = decoder.decode(message.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(decoded).hasSize(1);
    return decoded.getFirst();
  }

  private Trade trade(String message) {
    Decoded decoded = decode(message);
    assertThat(decoded).isInstanceOf(Decoded.Read.class);
    return ((Decoded.Read) decoded).trade();
  }

  private Decoded.Fault fault(String message) {
    Decoded decoded = decode(message);
    assertThat(decoded).isInstanceOf(Decoded.Fault.class);
    return (Decoded.Fault) decoded;
  }

  @Test
  void tradeCaptureReportBecomesTheCanonicalTrade() {
    Trade trade = trade(FixMessages.tradeCaptureReport("T1", "0").build());

    assertThat(trade)
        .isEqualTo(
            new Trade(
                "T1",
                1,
                "CP-1",
                "B1",
                LocalDate.of(2027, 5, 20),
                LocalDate.of(2026, 11, 21),
                false,
                new Economics(
                    "GB00BH4HKS39",
                    Side.BUY,
                    new BigDecimal("1000"),
                    new BigDecimal("72.15"),
                    "GBP")));
  }

  @Test
  void pipeSeparatedLogLinesAreRead() {
    String piped = FixMessages.tradeCaptureReport("T1", "0").piped() + "\n";

    assertThat(trade(piped).tradeId()).isEqualTo("T1");
  }

  @Test
  void replaceNamesTheOriginalReportAndCarriesTheVersion() {
    String replace =
        FixMessages.tradeCaptureReport("T1-R2", "2").with(572, "T1").with(9100, 2).build();

    Trade trade = trade(replace);

    assertThat(trade.tradeId()).isEqualTo("T1");
    assertThat(trade.version()).isEqualTo(2);
  }

  @Test
  void cancelBecomesACancelRequest() {
    String cancel =
        FixMessages.tradeCaptureReport("T1-C", "1").with(572, "T1").with(9100, 3).build();

    assertThat(decode(cancel)).isEqualTo(new Decoded.Cancel(new TradeCancel("T1", 3)));
  }

  @Test
  void executionReportFillsCorrectionsAndCancels() {
    Trade fill = trade(FixMessages.fill("E-1").build());
    assertThat(fill.tradeId()).isEqualTo("E-1");
    assertThat(fill.counterpartyId()).isEqualTo("CP-2");
    assertThat(fill.bookId()).isEqualTo("B2");
    assertThat(fill.economics().side()).isEqualTo(Side.SELL);
    assertThat(fill.economics().instrument()).isEqualTo("EUR/USD");
    assertThat(fill.maturityDate()).isEqualTo(LocalDate.of(2027, 3, 15));

    String correct = FixMessages.fill("E-2").with(19, "E-1").with(9100, 2).build();
    String correction = correct.replace("150=F", "150=G");
    assertThat(correction).isNotEqualTo(correct);
    Decoded corrected = decode(reframe(correction));
    assertThat(((Decoded.Read) corrected).trade().tradeId()).isEqualTo("E-1");

    String cancel =
        reframe(FixMessages.fill("E-3").with(19, "E-1").build().replace("150=F", "150=H"));
    assertThat(decode(cancel)).isEqualTo(new Decoded.Cancel(new TradeCancel("E-1", 1)));
  }

  @Test
  void executionReportThatIsNotAFillIsNamedAsSuch() {
    String newOrder = reframe(FixMessages.fill("E-1").build().replace("150=F", "150=0"));

    Decoded.Fault fault = fault(newOrder);

    assertThat(fault.reason()).isEqualTo(RejectReason.UNSUPPORTED_MESSAGE);
    assertThat(fault.location()).isEqualTo("tag 150");
    assertThat(fault.message()).contains("not a fill");
  }

  @Test
  void fix50sp2OverFixtCarriesTradeId() {
    String message =
        FixMessages.fixt11("AE")
            .with(49, "VENUE")
            .with(56, "TRADEFLOW")
            .with(34, 1)
            .with(52, "20261121-09:30:00.000")
            .with(1128, "9")
            .with(571, "REP-1")
            .with(1003, "T50")
            .with(55, "VOD.L")
            .with(541, "20270520")
            .with(32, "10")
            .with(31, "1.5")
            .with(75, "20261121")
            .with(552, 1)
            .with(54, "1")
            .with(453, 2)
            .with(448, "CP-1")
            .with(447, "D")
            .with(452, "17")
            .with(448, "B1")
            .with(447, "D")
            .with(452, "38")
            .with(15, "USD")
            .build();

    Trade trade = trade(message);

    assertThat(trade.tradeId()).isEqualTo("T50");
    assertThat(trade.economics().currency()).isEqualTo("USD");
  }

  @Test
  void fixtWithoutApplVerIdIsRefused() {
    String message = FixMessages.fixt11("AE").header(1).with(571, "T1").build();

    Decoded.Fault fault = fault(message);

    assertThat(fault.reason()).isEqualTo(RejectReason.UNSUPPORTED_FORMAT);
    assertThat(fault.location()).isEqualTo("tag 1128");
  }

  @Test
  void wrongChecksumIsRefusedAtTag10() {
    String good = FixMessages.tradeCaptureReport("T1", "0").build();
    String sum = good.substring(good.length() - 4, good.length() - 1);
    String bad =
        good.substring(0, good.length() - 4)
            + String.format("%03d", (Integer.parseInt(sum) + 1) % 256)
            + FixMessages.SOH;

    Decoded.Fault fault = fault(bad);

    assertThat(fault.reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    assertThat(fault.location()).isEqualTo("tag 10");
    assertThat(fault.message()).contains("CheckSum(10) says");
  }

  @Test
  void wrongBodyLengthIsRefusedAtTag9() {
    String good = FixMessages.tradeCaptureReport("T1", "0").build();
    String body = good.substring(good.indexOf("35="), good.lastIndexOf("10="));
    String bad = "8=FIX.4.4\u00019=" + (body.length() + 1) + "\u0001" + body;
    bad += "10=" + FixMessages.checksum(bad) + "\u0001";

    Decoded.Fault fault = fault(bad);

    assertThat(fault.location()).isEqualTo("tag 9");
    assertThat(fault.message()).contains("BodyLength(9) says");
  }

  @Test
  void nestedGroupCountMustMatchItsEntries() {
    String bad =
        reframe(
            FixMessages.tradeCaptureReport("T1", "0")
                .build()
                .replace("453=2\u0001", "453=3\u0001"));

    Decoded.Fault fault = fault(bad);

    assertThat(fault.reason()).isEqualTo(RejectReason.INVALID_FIELD);
    assertThat(fault.location()).isEqualTo("tag 453");
    assertThat(fault.message()).contains("NoPartyIDs(453) says 3 entries but the message has 2");
  }

  @Test
  void missingRequiredFieldIsNamed() {
    String bad =
        reframe(FixMessages.tradeCaptureReport("T1", "0").build().replace("570=N\u0001", ""));

    Decoded.Fault fault = fault(bad);

    assertThat(fault.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(fault.location()).isEqualTo("tag 570");
    assertThat(fault.message()).contains("PreviouslyReported(570)");
  }

  @Test
  void missingCounterpartyPartyIsNamedWithItsGroupPath() {
    String bad =
        reframe(
            FixMessages.tradeCaptureReport("T1", "0")
                .build()
                .replace("452=17\u0001", "452=1\u0001"));

    Decoded.Fault fault = fault(bad);

    assertThat(fault.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(fault.location()).isEqualTo("tag 452 in body/NoSides(552)[1]");
  }

  /** Many venues name the book only in our side's Account (1), with no Position Account party. */
  @Test
  void theBookComesFromAccountWhenNoPositionAccountPartyNamesIt() {
    String tcr = FixMessages.tradeCaptureReport("T1", "0").build();
    String accountOnly =
        reframe(
            tcr.replace("452=38\u0001", "452=1\u0001").replace("15=GBP", "1=DESK-B7\u000115=GBP"));
    String both = reframe(tcr.replace("15=GBP", "1=DESK-B7\u000115=GBP"));
    String neither = reframe(tcr.replace("452=38\u0001", "452=1\u0001"));
    String badAccount =
        reframe(
            tcr.replace("452=38\u0001", "452=1\u0001").replace("15=GBP", "1=no good\u000115=GBP"));

    assertThat(trade(accountOnly).bookId()).isEqualTo("DESK-B7");
    assertThat(trade(both).bookId()).as("the Position Account party wins").isEqualTo("B1");
    Decoded.Fault missing = fault(neither);
    assertThat(missing.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(missing.location()).isEqualTo("tag 452 in body/NoSides(552)[1]");
    assertThat(missing.message()).contains("PartyRole(452)=38").contains("no Account(1)");
    Decoded.Fault invalid = fault(badAccount);
    assertThat(invalid.reason()).isEqualTo(RejectReason.INVALID_FIELD);
    assertThat(invalid.location()).isEqualTo("tag 1 in body/NoSides(552)[1]");
    assertThat(
            trade(
                    reframe(
                        FixMessages.fill("E1")
                            .build()
                            .replace("452=38\u0001", "452=1\u0001")
                            .replace("55=EUR/USD", "1=FX-BOOK\u000155=EUR/USD")))
                .bookId())
        .as("an execution report's Account (1) is in the body")
        .isEqualTo("FX-BOOK");
  }

  @Test
  void badEnumAndBadNumberAndBadDateAreRefused() {
    String base = FixMessages.tradeCaptureReport("T1", "0").build();
    assertThat(fault(reframe(base.replace("570=N", "570=X"))).location()).isEqualTo("tag 570");
    assertThat(fault(reframe(base.replace("32=1000", "32=1e3"))).location()).isEqualTo("tag 32");
    Decoded.Fault date = fault(reframe(base.replace("541=20270520", "541=20270230")));
    assertThat(date.location()).isEqualTo("tag 541");
    assertThat(date.message()).contains("YYYYMMDD");
  }

  @Test
  void otherMessageTypesAndVersionsAreNamed() {
    String order = FixMessages.fix44("D").header(1).with(11, "C1").build();
    assertThat(fault(order).reason()).isEqualTo(RejectReason.UNSUPPORTED_MESSAGE);
    String fix42 = FixMessages.frame("FIX.4.2", "35=AE\u0001");
    assertThat(fault(fix42).reason()).isEqualTo(RejectReason.UNSUPPORTED_FORMAT);
  }

  @Test
  void tagsOutsideTheMessageAreRefusedButUserDefinedOnesAreAllowed() {
    String base = FixMessages.tradeCaptureReport("T1", "0").body();
    String unknown = FixMessages.frame("FIX.4.4", base + "4999=x\u0001");
    assertThat(fault(unknown).reason()).isEqualTo(RejectReason.UNKNOWN_FIELD);
    String notForAe = FixMessages.frame("FIX.4.4", base + "59=0\u0001");
    assertThat(fault(notForAe).message())
        .contains("TimeInForce(59) is not defined in NoSides(552)");
    String userDefined = FixMessages.frame("FIX.4.4", base + "7001=desk\u0001");
    assertThat(decode(userDefined)).isInstanceOf(Decoded.Read.class);
  }

  @Test
  void repeatedTagOutsideAGroupIsRefused() {
    String base = FixMessages.tradeCaptureReport("T1", "0").body();
    Decoded.Fault fault = fault(FixMessages.frame("FIX.4.4", base + "570=N\u0001"));
    assertThat(fault.message()).contains("appears more than once");
  }

  @Test
  void truncatedAndGarbageInputAreRefusedNotThrown() {
    String good = FixMessages.tradeCaptureReport("T1", "0").build();
    for (int cut = 0; cut < good.length(); cut++) {
      assertThat(decode(good.substring(0, cut))).isInstanceOf(Decoded.Fault.class);
    }
    assertThat(fault("8=FIX.4.4\u00019=abc\u0001").reason())
        .isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    assertThat(fault("=\u0001=\u0001").reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
  }

  @Test
  void fieldCountIsBounded() {
    FixDecoder small = new FixDecoder(20);
    Decoded decoded = small.decode(FixMessages.tradeCaptureReport("T1", "0").bytes()).getFirst();
    assertThat(((Decoded.Fault) decoded).reason()).isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
  }

  /** Recomputes 9 and 10 after a test edits the body. */
  static String reframe(String message) {
    String body = message.substring(message.indexOf("\u000135=") + 1, message.lastIndexOf("10="));
    String begin = message.substring(2, message.indexOf('\u0001'));
    return FixMessages.frame(begin, body);
  }
}
