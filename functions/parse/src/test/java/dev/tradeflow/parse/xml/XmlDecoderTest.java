package dev.tradeflow.parse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Trade;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlDecoderTest {

  private final XmlDecoder decoder = new XmlDecoder(32, 4096, 100);

  static byte[] resource(String name) {
    try (InputStream in = XmlDecoderTest.class.getResourceAsStream("/xml/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Decoded> decode(String xml) {
    return decoder.decode(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static Trade trade(Decoded decoded) {
    assertThat(decoded).isInstanceOf(Decoded.Read.class);
    return ((Decoded.Read) decoded).trade();
  }

  private static Decoded.Fault fault(List<Decoded> decoded) {
    assertThat(decoded).hasSize(1).first().isInstanceOf(Decoded.Fault.class);
    return (Decoded.Fault) decoded.getFirst();
  }

  @Test
  void ownTradesDocumentGivesOneTradePerElement() {
    List<Decoded> decoded = decoder.decode(resource("trades.xml"));

    assertThat(decoded).hasSize(2);
    assertThat(trade(decoded.get(0)))
        .isEqualTo(
            new Trade(
                "X1",
                1,
                "CP-1",
                "B1",
                LocalDate.of(2027, 5, 20),
                LocalDate.of(2026, 11, 21),
                false,
                null));
    assertThat(trade(decoded.get(1)).economics())
        .isEqualTo(
            new Economics(
                "VOD.L", Side.SELL, new BigDecimal("1500"), new BigDecimal("71.25"), "GBP"));
    assertThat(trade(decoded.get(1)).maturityDate()).isEqualTo(LocalDate.of(2027, 5, 20));
  }

  @Test
  void ownTradeFaultsNameTheElement() {
    String bad =
        """
        <trade xmlns="urn:tradeflow:trade:1"><trade_id>X9</trade_id><version>two</version>
        <counter_party_id>CP-1</counter_party_id><book_id>B1</book_id>
        <maturity_date>2027-05-20</maturity_date></trade>""";

    Decoded.Fault fault = fault(decode(bad));

    assertThat(fault.reason()).isEqualTo(RejectReason.INVALID_FIELD);
    assertThat(fault.location()).isEqualTo("/trade/version");
    assertThat(fault.tradeId()).isEqualTo("X9");
    assertThat(fault.message()).contains("version must be a whole number");
  }

  @Test
  void ownTradeRefusesUnknownAndRepeatedElements() {
    String unknown =
        "<trade xmlns=\"urn:tradeflow:trade:1\"><trade_id>X9</trade_id><desk>A</desk></trade>";
    assertThat(fault(decode(unknown)).reason()).isEqualTo(RejectReason.UNKNOWN_FIELD);
    String repeated =
        "<trade xmlns=\"urn:tradeflow:trade:1\"><trade_id>X9</trade_id><trade_id>X8</trade_id></trade>";
    assertThat(fault(decode(repeated)).message()).contains("more than once");
  }

  @Test
  void oneBadTradeInABatchDoesNotStopTheOthers() {
    String batch =
        """
        <trades xmlns="urn:tradeflow:trade:1">
          <trade><trade_id>G1</trade_id><version>1</version><counter_party_id>CP-1</counter_party_id>
            <book_id>B1</book_id><maturity_date>2027-05-20</maturity_date></trade>
          <trade><trade_id>G2</trade_id><version>1</version></trade>
        </trades>""";

    List<Decoded> decoded = decode(batch);

    assertThat(trade(decoded.get(0)).tradeId()).isEqualTo("G1");
    assertThat(decoded.get(1)).isInstanceOf(Decoded.Fault.class);
    assertThat(((Decoded.Fault) decoded.get(1)).location())
        .isEqualTo("/trades/trade[2]/counter_party_id");
  }

  @Test
  void fpmlInterestRateSwapMaturesAtTermination() {
    Trade trade = trade(decoder.decode(resource("fpml-irs.xml")).getFirst());

    assertThat(trade.tradeId()).isEqualTo("IRS-1");
    assertThat(trade.version()).isEqualTo(3);
    assertThat(trade.counterpartyId()).isEqualTo("CP-1");
    assertThat(trade.bookId()).isEqualTo("B1");
    assertThat(trade.maturityDate()).isEqualTo(LocalDate.of(2031, 11, 21));
    assertThat(trade.createdDate()).isEqualTo(LocalDate.of(2026, 11, 19));
    assertThat(trade.economics())
        .isEqualTo(
            new Economics(
                "InterestRate:IRSwap:FixedFloat",
                Side.BUY,
                new BigDecimal("25000000"),
                new BigDecimal("0.0275"),
                "EUR"));
  }

  @Test
  void fpmlFxForwardMaturesOnItsValueDate() {
    Trade trade = trade(decoder.decode(resource("fpml-fx-forward.xml")).getFirst());

    assertThat(trade.tradeId()).isEqualTo("FX-1");
    assertThat(trade.version()).isEqualTo(1);
    assertThat(trade.counterpartyId()).isEqualTo("CP-2");
    assertThat(trade.bookId()).isEqualTo("B2");
    assertThat(trade.maturityDate()).isEqualTo(LocalDate.of(2027, 2, 19));
    assertThat(trade.economics())
        .isEqualTo(
            new Economics(
                "GBP/USD", Side.SELL, new BigDecimal("5000000"), new BigDecimal("1.2725"), "GBP"));
  }

  @Test
  void fpmlEquityOptionMaturesAtExpiration() {
    Trade trade = trade(decoder.decode(resource("fpml-equity-option.xml")).getFirst());

    assertThat(trade.tradeId()).isEqualTo("EQO-1");
    assertThat(trade.counterpartyId()).isEqualTo("CP-3");
    assertThat(trade.maturityDate()).isEqualTo(LocalDate.of(2027, 6, 18));
    assertThat(trade.economics())
        .isEqualTo(
            new Economics(
                "ACME.N", Side.BUY, new BigDecimal("10000"), new BigDecimal("125.50"), "USD"));
  }

  @Test
  void fpmlWithoutABookSaysWhereToPutIt() {
    String irs = new String(resource("fpml-irs.xml"), StandardCharsets.UTF_8);
    String noBook = irs.replaceAll("<account id=\"book\">.*</account>", "");

    Decoded.Fault fault = fault(decode(noBook));

    assertThat(fault.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(fault.tradeId()).isEqualTo("IRS-1");
    assertThat(fault.location()).isEqualTo("/dataDocument/account");
    assertThat(fault.message()).contains("accountBeneficiary href=\"us\"");
  }

  @Test
  void fpmlProductsParseDoesNotBookAreNamed() {
    String irs = new String(resource("fpml-irs.xml"), StandardCharsets.UTF_8);
    String cds =
        irs.replace("<swap>", "<creditDefaultSwap>").replace("</swap>", "</creditDefaultSwap>");

    Decoded.Fault fault = fault(decode(cds));

    assertThat(fault.reason()).isEqualTo(RejectReason.UNSUPPORTED_MESSAGE);
    assertThat(fault.message()).contains("creditDefaultSwap");
  }

  @Test
  void fpmlBadValueIsLocated() {
    String fx = new String(resource("fpml-fx-forward.xml"), StandardCharsets.UTF_8);
    String badDate =
        fx.replace("<valueDate>2027-02-19</valueDate>", "<valueDate>2027-02-30</valueDate>");

    Decoded.Fault fault = fault(decode(badDate));

    assertThat(fault.reason()).isEqualTo(RejectReason.INVALID_FIELD);
    assertThat(fault.location())
        .isEqualTo("/requestConfirmation/trade[1]/fxSingleLeg[1]/valueDate[1]");
  }

  @Test
  void externalEntitiesAreRefused() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE trade [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <trade xmlns="urn:tradeflow:trade:1"><trade_id>&secret;</trade_id></trade>""";

    Decoded.Fault fault = fault(decode(xxe));

    assertThat(fault.reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    assertThat(fault.message()).contains("DTD");
    assertThat(fault.message()).doesNotContain("root:");
  }

  @Test
  void entityExpansionIsRefused() {
    StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [");
    laughs.append("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      laughs.append(
          "<!ENTITY lol%d \"&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;\">"
              .formatted(i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1));
    }
    laughs.append("]><trade xmlns=\"urn:tradeflow:trade:1\"><trade_id>&lol9;</trade_id></trade>");

    assertThat(fault(decode(laughs.toString())).message()).contains("DTD");
  }

  @Test
  void depthAndSizeAreBounded() {
    String deep = "<a>".repeat(40) + "</a>".repeat(40);
    assertThat(fault(decode(deep)).reason()).isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
    String wide = "<a>" + "<b/>".repeat(5000) + "</a>";
    assertThat(fault(decode(wide)).reason()).isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
  }

  @Test
  void garbageAndForeignDocumentsAreRefused() {
    assertThat(fault(decode("<trade><unclosed>")).reason())
        .isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    assertThat(fault(decode("<order xmlns=\"urn:other\"/>")).reason())
        .isEqualTo(RejectReason.UNSUPPORTED_FORMAT);
    assertThat(fault(decode("")).reason())
        .isIn(RejectReason.MALFORMED_PAYLOAD, RejectReason.EMPTY_PAYLOAD);
  }
}
