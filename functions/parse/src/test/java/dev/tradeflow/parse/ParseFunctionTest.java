package dev.tradeflow.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Trade;
import dev.tradeflow.parse.fix.FixMessages;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.Send;
import dev.tradeflow.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ParseFunctionTest {

  static final String RECEIVED = EventType.TRADE_RECEIVED.type();

  static String trade(String id) {
    return """
        {"trade_id":"%s","version":1,"counter_party_id":"CP-1","book_id":"B1",
         "maturity_date":"2027-05-20","created_date":"2026-11-21","expired":false}"""
        .formatted(id);
  }

  @Test
  void binaryModeRepliesWithTheParsedTrade() {
    Send.binary(Send.event(RECEIVED, null, "application/json", trade("HB-1")))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_PARSED.type())
        .header("ce-subject", "HB-1")
        .header("ce-source", "/tradeflow/parse")
        .body("trade_id", equalTo("HB-1"));
  }

  @Test
  void structuredModeRepliesStructured() {
    Send.structured(Send.event(RECEIVED, null, "application/json", trade("HS-1")))
        .statusCode(200)
        .contentType(containsString("application/cloudevents+json"))
        .body("type", equalTo(EventType.TRADE_PARSED.type()))
        .body("specversion", equalTo("1.0"))
        .body("data.trade_id", equalTo("HS-1"));
  }

  @Test
  void aBadTradeIsABusinessRejectionNotAnHttpError() {
    Send.binary(Send.event(RECEIVED, null, "application/json", "{\"trade_id\":\"HR-1\"}"))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_REJECTED.type())
        .body("reason", equalTo("MISSING_FIELD"))
        .body("stage", equalTo("PARSE"))
        .body("location", equalTo("/version"))
        .body("original_payload", equalTo("{\"trade_id\":\"HR-1\"}"));
  }

  @Test
  void anArrayIsPublishedAsOneEventPerTrade() {
    try (TopicProbe parsed = TopicProbe.open(EventType.TRADE_PARSED)) {
      Send.binary(
              Send.event(
                  RECEIVED,
                  null,
                  "application/json",
                  "[" + trade("HA-1") + "," + trade("HA-2") + "]"))
          .statusCode(202)
          .body(emptyString());
      assertThat(parsed.await(2, e -> e.subject().startsWith("HA-")))
          .extracting(CloudEvent::subject)
          .containsExactlyInAnyOrder("HA-1", "HA-2");
    }
  }

  @Test
  void aCloudEventWithoutRequiredAttributesGets400ProblemJson() {
    RestAssured.given()
        .header("ce-specversion", "1.0")
        .header("ce-type", RECEIVED)
        .contentType("application/json")
        .body(trade("X"))
        .post("/")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("status", equalTo(400))
        .body("detail", containsString("id, source"));
  }

  @Test
  void malformedStructuredEventsGet400ProblemJson() {
    RestAssured.given()
        .contentType("application/cloudevents+json")
        .body("{\"specversion\":\"1.0\",\"id\":\"1\"")
        .post("/")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("title", equalTo("Malformed CloudEvent"));
    RestAssured.given()
        .contentType("application/cloudevents+json")
        .body(
            "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\""
                + RECEIVED
                + "\"}")
        .post("/")
        .then()
        .statusCode(400)
        .body("detail", containsString("specversion"));
  }

  @Test
  void anEventOfAnotherTypeGets400() {
    Send.binary(Send.event(EventType.TRADE_VALIDATED.type(), null, "application/json", "{}"))
        .statusCode(400)
        .body("detail", containsString("takes [tradeflow.trade.received]"));
  }

  @Test
  void rawTradesOnTheReceivedTopicAreParsedOverKafka() {
    try (TopicProbe parsed = TopicProbe.open(EventType.TRADE_PARSED)) {
      Send.kafka(
          new ProducerRecord<>(
              EventType.TRADE_RECEIVED.topic().topicName(),
              "K-1",
              trade("K-1").getBytes(StandardCharsets.UTF_8)));
      CloudEvent event = parsed.await(1, e -> "K-1".equals(e.subject())).get(0);
      assertThat(Json.read(event.data(), Trade.class).bookId()).isEqualTo("B1");
    }
  }

  @Test
  void cloudEventsOverKafkaAreParsedAndGarbageIsRejectedNotDropped() {
    try (TopicProbe parsed = TopicProbe.open(EventType.TRADE_PARSED);
        TopicProbe rejected = TopicProbe.open(EventType.TRADE_REJECTED)) {
      Send.kafka(Send.event(RECEIVED, "K-2", "application/json", trade("K-2")));
      Send.kafka(Send.event(RECEIVED, "K-3", "application/json", "{not json"));
      ProducerRecord<String, byte[]> noId =
          new ProducerRecord<>(
              EventType.TRADE_RECEIVED.topic().topicName(),
              "K-4",
              "x".getBytes(StandardCharsets.UTF_8));
      noId.headers().add("ce_type", RECEIVED.getBytes(StandardCharsets.UTF_8));
      Send.kafka(noId);
      assertThat(parsed.await(1, e -> "K-2".equals(e.subject()))).hasSize(1);
      Rejection notJson =
          Json.read(
              rejected.await(1, e -> "K-3".equals(e.subject())).get(0).data(), Rejection.class);
      assertThat(notJson.reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
      Rejection noEnvelope =
          Json.read(
              rejected.await(1, e -> "K-4".equals(e.subject())).get(0).data(), Rejection.class);
      assertThat(noEnvelope.reason()).isEqualTo(RejectReason.MALFORMED_EVENT);
      assertThat(noEnvelope.originalPayload()).isEqualTo("x");
      assertThat(noEnvelope.location()).startsWith("kafka:tradeflow.trade.received-");
    }
  }

  static String fpml(String name) {
    try (var in = ParseFunctionTest.class.getResourceAsStream("/xml/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void fixInBinaryModeRepliesWithTheParsedTrade() {
    String fix = FixMessages.tradeCaptureReport("HF-1", "0").build();
    Send.binary(Send.event(RECEIVED, null, "application/fix", fix))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_PARSED.type())
        .header("ce-subject", "HF-1")
        .body("counterparty_id", equalTo("CP-1"))
        .body("economics.currency", equalTo("GBP"));
  }

  @Test
  void aRawRecordAsKnativesKafkaSourceDeliversItIsParsed() {
    String fix = FixMessages.tradeCaptureReport("HK-1", "0").build();
    Send.binary(Send.event("dev.knative.kafka.event", null, null, fix))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_PARSED.type())
        .header("ce-subject", "HK-1");
  }

  @Test
  void fixCancelRepliesWithACancelRequest() {
    String cancel =
        FixMessages.tradeCaptureReport("HF-2-C", "1").with(572, "HF-2").with(9100, 2).piped();
    Send.binary(Send.event(RECEIVED, null, "text/plain", cancel))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_CANCEL_REQUESTED.type())
        .header("ce-subject", "HF-2")
        .body("version", equalTo(2));
  }

  @Test
  void brokenFixIsRejectedWithItsTagAndKeptWhole() {
    String good = FixMessages.tradeCaptureReport("HF-3", "0").piped();
    String badSum = good.substring(0, good.length() - 4) + "999|";
    Send.binary(Send.event(RECEIVED, null, "application/fix", badSum))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_REJECTED.type())
        .body("reason", equalTo("MALFORMED_PAYLOAD"))
        .body("location", equalTo("tag 10"))
        .body("original_payload", equalTo(badSum));
  }

  @Test
  void fpmlInStructuredModeRepliesWithTheTrade() {
    Send.structured(Send.event(RECEIVED, null, "application/xml", fpml("fpml-irs.xml")))
        .statusCode(200)
        .body("type", equalTo(EventType.TRADE_PARSED.type()))
        .body("data.trade_id", equalTo("IRS-1"))
        .body("data.maturity_date", equalTo("2031-11-21"));
  }

  @Test
  void xmlWithAnExternalEntityIsRejectedOverHttp() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
            + "<trade xmlns=\"urn:tradeflow:trade:1\"><trade_id>&x;</trade_id></trade>";
    Send.binary(Send.event(RECEIVED, null, "application/xml", xxe))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_REJECTED.type())
        .body("reason", equalTo("MALFORMED_PAYLOAD"))
        .body("message", containsString("DTD"));
  }

  @Test
  void fixAndXmlRecordsWithoutContentTypeAreSniffedOverKafka() {
    try (TopicProbe parsed = TopicProbe.open(EventType.TRADE_PARSED);
        TopicProbe rejected = TopicProbe.open(EventType.TRADE_REJECTED)) {
      String topic = EventType.TRADE_RECEIVED.topic().topicName();
      Send.kafka(new ProducerRecord<>(topic, "KF-1", FixMessages.fill("KF-1").bytes()));
      Send.kafka(
          new ProducerRecord<>(
              topic, "KX-1", fpml("fpml-fx-forward.xml").getBytes(StandardCharsets.UTF_8)));
      Send.kafka(Send.event(RECEIVED, "KX-2", "application/xml", fpml("fpml-equity-option.xml")));
      String truncated = FixMessages.fill("KF-2").piped().substring(0, 60);
      Send.kafka(new ProducerRecord<>(topic, "KF-2", truncated.getBytes(StandardCharsets.UTF_8)));

      assertThat(
              parsed.await(3, e -> e.subject() != null && e.subject().matches("KF-1|FX-1|EQO-1")))
          .extracting(CloudEvent::subject)
          .containsExactlyInAnyOrder("KF-1", "FX-1", "EQO-1");
      Rejection cut =
          Json.read(
              rejected.await(1, e -> "KF-2".equals(e.subject())).get(0).data(), Rejection.class);
      assertThat(cut.reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
      assertThat(cut.originalPayload()).isEqualTo(truncated);
    }
  }

  @Test
  void servesTheTradeXmlSchema() {
    RestAssured.get("/schemas/tradeflow-trade-1.xsd")
        .then()
        .statusCode(200)
        .body(containsString("urn:tradeflow:trade:1"));
  }

  @Test
  void servesHealthMetricsAndOpenApi() {
    RestAssured.get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(containsString("tradeflow-kafka"))
        .body(containsString("\"brokers\""));
    RestAssured.get("/q/health/live").then().statusCode(200);
    RestAssured.get("/q/openapi").then().statusCode(200);
    Send.binary(Send.event(RECEIVED, null, "application/json", trade("M-1"))).statusCode(200);
    RestAssured.get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("tradeflow_events_in_total"))
        .body(containsString("tradeflow_processing_seconds"));
  }
}
