package dev.tradeflow.parse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.formats.Decoded;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xml.sax.SAXException;

/** The published XSD and the reader agree on what a valid trade document is. */
class TradeXmlSchemaTest {

  private static final String OK =
      "<trade_id>S1</trade_id><version>1</version><counter_party_id>CP-1</counter_party_id>"
          + "<book_id>B1</book_id><maturity_date>2027-05-20</maturity_date>";

  private static Schema schema() throws SAXException, IOException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    try (InputStream xsd =
        TradeXmlSchemaTest.class.getResourceAsStream(
            "/META-INF/resources/schemas/tradeflow-trade-1.xsd")) {
      return factory.newSchema(new StreamSource(xsd));
    }
  }

  private static boolean schemaValid(byte[] document) throws Exception {
    Validator validator = schema().newValidator();
    try {
      validator.validate(new StreamSource(new ByteArrayInputStream(document)));
      return true;
    } catch (SAXException invalid) {
      return false;
    }
  }

  private static boolean readerAccepts(byte[] document) {
    return new XmlDecoder(32, 4096, 100)
        .decode(document).stream().allMatch(d -> d instanceof Decoded.Read);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "minimal trade | " + OK + " | true",
        "full trade | "
            + OK
            + "<expired>false</expired><instrument>VOD.L</instrument><side>BUY</side>"
            + "<quantity>10</quantity><price>1.5</price><currency>GBP</currency> | true",
        "trade-store date | <trade_id>S1</trade_id><version>1</version><counter_party_id>CP-1</counter_party_id>"
            + "<book_id>B1</book_id><maturity_date>20/05/2027</maturity_date> | true",
        "missing book | <trade_id>S1</trade_id><version>1</version><counter_party_id>CP-1</counter_party_id>"
            + "<maturity_date>2027-05-20</maturity_date> | false",
        "unknown element | " + OK + "<desk>X</desk> | false",
        "negative version | <trade_id>S1</trade_id><version>-1</version><counter_party_id>CP-1</counter_party_id>"
            + "<book_id>B1</book_id><maturity_date>2027-05-20</maturity_date> | false",
        "bad id | <trade_id>S 1</trade_id><version>1</version><counter_party_id>CP-1</counter_party_id>"
            + "<book_id>B1</book_id><maturity_date>2027-05-20</maturity_date> | false",
        "bad currency | " + OK + "<currency>gbp</currency> | false",
        "bad quantity | " + OK + "<quantity>lots</quantity> | false",
      })
  void schemaAndReaderAgree(String name, String fields, boolean valid) throws Exception {
    byte[] document =
        ("<trade xmlns=\"urn:tradeflow:trade:1\">" + fields + "</trade>")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(schemaValid(document)).as("XSD").isEqualTo(valid);
    assertThat(readerAccepts(document)).as("reader").isEqualTo(valid);
  }

  @org.junit.jupiter.api.Test
  void theSampleBatchIsValid() throws Exception {
    byte[] batch = XmlDecoderTest.resource("trades.xml");
    assertThat(schemaValid(batch)).isTrue();
    assertThat(readerAccepts(batch)).isTrue();
  }
}
