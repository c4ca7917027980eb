package dev.tradeflow.local;

import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sample reference data and trades: the design's reference example (business date 2026-11-21),
 * plus the other ways a trade can be turned away, and a duplicate delivery.
 */
public final class SampleData {

  public static final List<Counterparty> COUNTERPARTIES =
      List.of(
          new Counterparty("CP-1", "Northwind Bank", "5493001KJTIIGC8Y1R12"),
          new Counterparty("CP-2", "Contoso Capital", "5493000IBP32UQZ0KL24"),
          new Counterparty("CP-3", "Fabrikam Securities", "549300EX04Q2QBFQTQ27"));

  public static final List<Book> BOOKS =
      List.of(new Book("B1", "Rates flow", "London"), new Book("B2", "Credit", "London"));

  /** Log form ({@code |} for SOH); BodyLength and CheckSum as a venue computes them. */
  static final String FIX_T8 =
      "8=FIX.4.4|9=260|35=AE|49=VENUE|56=TRADEFLOW|34=1201|52=20261121-09:30:02.117|571=T8|487=0|"
          + "570=N|55=VOD.L|48=GB00BH4HKS39|22=4|32=25000|31=72.15|75=20261121|"
          + "60=20261121-09:30:01.904|64=20270319|9100=1|552=1|54=1|37=ORD-88|453=2|448=CP-2|"
          + "447=D|452=17|448=B1|447=D|452=38|15=GBP|10=103|";

  static final String FIX_CANCEL_T4 =
      "8=FIX.4.4|9=180|35=AE|49=VENUE|56=TRADEFLOW|34=1202|52=20261121-09:31:40.002|571=T4-C1|"
          + "487=1|572=T4|570=N|55=XS0000000004|32=1|31=1|75=20261121|60=20261121-09:31:39.870|"
          + "9100=1|552=1|54=1|37=ORD-4|10=169|";

  static final String FPML_T9 =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <requestConfirmation xmlns="http://www.fpml.org/FpML-5/confirmation" fpmlVersion="5-13">
        <trade>
          <tradeHeader>
            <partyTradeIdentifier><partyReference href="us"/><tradeId>T9</tradeId></partyTradeIdentifier>
            <tradeDate>2026-11-21</tradeDate>
          </tradeHeader>
          <fxSingleLeg>
            <exchangedCurrency1>
              <payerPartyReference href="cp"/><receiverPartyReference href="us"/>
              <paymentAmount><currency>EUR</currency><amount>2000000</amount></paymentAmount>
            </exchangedCurrency1>
            <exchangedCurrency2>
              <payerPartyReference href="us"/><receiverPartyReference href="cp"/>
              <paymentAmount><currency>USD</currency><amount>2181000</amount></paymentAmount>
            </exchangedCurrency2>
            <valueDate>2027-09-17</valueDate>
            <exchangeRate>
              <quotedCurrencyPair><currency1>EUR</currency1><currency2>USD</currency2></quotedCurrencyPair>
              <rate>1.0905</rate>
            </exchangeRate>
          </fxSingleLeg>
        </trade>
        <party id="us"><partyId>TRADEFLOW-BANK</partyId></party>
        <party id="cp"><partyId>CP-1</partyId></party>
        <account id="book"><accountId>B2</accountId><accountBeneficiary href="us"/></account>
      </requestConfirmation>
      """;

  /** One message as it reaches the received topic: a raw record, as a producer would send it. */
  public record Sample(String label, String key, String payload) {}

  public static final List<Sample> TRADES =
      List.of(
          new Sample(
              "T1 v1 CP-1 B1 matures 2027-05-20", "T1", trade("T1", 1, "CP-1", "B1", "2027-05-20")),
          new Sample(
              "T2 v2 CP-2 B1 matures 2027-05-20", "T2", trade("T2", 2, "CP-2", "B1", "2027-05-20")),
          new Sample(
              "T2 v1 CP-1 B1 (a lower version)", "T2", trade("T2", 1, "CP-1", "B1", "2027-05-20")),
          new Sample(
              "T3 v3 CP-3 B2 matured 2014-05-20", "T3", trade("T3", 3, "CP-3", "B2", "2014-05-20")),
          new Sample(
              "T4 v1 CP-9 B2 (no such counterparty)",
              "T4",
              trade("T4", 1, "CP-9", "B2", "2027-06-30")),
          new Sample(
              "array: T5 with economics, T6 with a bad version",
              "batch-1",
              "["
                  + trade("T5", 1, "CP-3", "B2", "2026-12-31")
                      .replace(
                          "}",
                          ",\"instrument\":\"XS0000000005\",\"side\":\"BUY\",\"quantity\":5000000,"
                              + "\"price\":101.25,\"currency\":\"EUR\"}")
                  + ","
                  + trade("T6", 1, "CP-1", "B1", "2027-01-15")
                      .replace("\"version\":1", "\"version\":\"one\"")
                  + "]"),
          new Sample("not JSON at all", "garbage-1", "{\"trade_id\": \"T7\", oops"),
          new Sample("T8 as FIX 4.4 35=AE, as a venue gateway logs it: CP-2 B1", "T8", FIX_T8),
          new Sample("T9 as an FpML FX forward: CP-1 B2, value date 2027-09-17", "T9", FPML_T9),
          new Sample("T4 cancelled by the venue: FIX 35=AE 487=1", "T4", FIX_CANCEL_T4),
          new Sample(
              "T1 v1 again (a duplicate delivery)",
              "T1",
              trade("T1", 1, "CP-1", "B1", "2027-05-20")));

  private SampleData() {}

  public static String trade(String id, int version, String cp, String book, String maturity) {
    return "{\"trade_id\":\"%s\",\"version\":%d,\"counter_party_id\":\"%s\",\"book_id\":\"%s\",\"maturity_date\":\"%s\",\"created_date\":\"2026-11-21\",\"expired\":false}"
        .formatted(id, version, cp, book, maturity);
  }

  /** Instruments the sample trades name, as a CSV file of them would be. */
  static final String INSTRUMENTS_CSV =
      """
      id,asset_class,currency,price_quotation,contract_multiplier,settlement_days
      XS0000000005,bond,EUR,percent_of_par,1,2
      GB00BH4HKS39,equity,GBP,per_unit,1,2
      EUR/USD,fx,USD,per_unit,1,2
      """;

  /** What one unit of each currency is worth in the reporting currency, USD. */
  static final String FX_RATES_CSV =
      """
      currency,rate
      EUR,1.0825
      GBP,1.2650
      """;

  /** Each counterparty's limit on gross notional exposure, in USD. */
  static final String LIMITS_CSV =
      """
      counterparty_id,amount
      CP-1,5000000
      CP-2,1000000
      CP-3,10000000
      """;

  /** The bulk loads of the sample reference data: kind, content type, body. */
  record Load(String kind, String contentType, String body) {}

  static final List<Load> REFERENCE_DATA =
      List.of(
          new Load(
              "counterparties",
              "application/json",
              Json.mapper().valueToTree(COUNTERPARTIES).toString()),
          new Load("books", "application/json", Json.mapper().valueToTree(BOOKS).toString()),
          new Load("instruments", "text/csv", INSTRUMENTS_CSV),
          new Load("fx-rates", "text/csv", FX_RATES_CSV),
          new Load("limits", "text/csv", LIMITS_CSV));

  /**
   * Loads the sample reference data through enrich's REST API ({@code POST
   * /api/v1/reference/{kind}}), as a desk would: enrich is the one writer of its topics. Returns
   * one line per request: what was sent, and enrich's answer.
   */
  public static List<String> loadReferenceData(LocalStack stack) {
    FunctionProcess enrich = stack.function(Function.ENRICH);
    List<String> answers = new java.util.ArrayList<>();
    for (Load load : REFERENCE_DATA) {
      String path = "/api/v1/reference/" + load.kind();
      HttpResponse<String> answer = enrich.post(path, load.contentType(), load.body());
      for (int tries = 1; answer.statusCode() == 503 && tries < 30; tries++) {
        FunctionProcess.sleep(500); // enrich still rebuilding its reference data
        answer = enrich.post(path, load.contentType(), load.body());
      }
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "POST enrich " + path + " answered " + answer.statusCode() + ": " + answer.body());
      }
      answers.add("POST enrich " + path + " (" + load.contentType() + ") -> " + answer.body());
    }
    return answers;
  }

  public static void sendTrades(Map<String, Object> kafka) {
    try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
      for (Sample sample : TRADES) {
        producer.send(
            new ProducerRecord<>(
                Topic.TRADE_RECEIVED.topicName(),
                sample.key(),
                sample.payload().getBytes(StandardCharsets.UTF_8)));
        producer.flush();
      }
    }
  }

  /** An idempotent producer with these client settings ({@link LocalKafka#clientConfig()}). */
  static KafkaProducer<String, byte[]> producer(Map<String, Object> kafka) {
    Map<String, Object> config = new java.util.HashMap<>(kafka);
    config.put("acks", "all");
    config.put("enable.idempotence", true);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }
}
