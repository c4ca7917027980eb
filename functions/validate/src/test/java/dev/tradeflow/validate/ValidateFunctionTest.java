package dev.tradeflow.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.ValidatedTrade;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.Send;
import dev.tradeflow.testing.TestTokens;
import dev.tradeflow.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ValidateFunctionTest {

  static final String PARSED = EventType.TRADE_PARSED.type();

  @Test
  void binaryModeAcceptsAndRepliesValidated() {
    Send.binary(
            Send.event(
                PARSED, "VB-1", "application/json", Trades.parsed("VB-1", 1, "B1", "2027-05-20")))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_VALIDATED.type())
        .header("ce-subject", "VB-1")
        .body("change", equalTo("ACCEPTED"))
        .body("stored.trade.trade_id", equalTo("VB-1"));
    TestTokens.withAllRoles()
        .get("/api/v1/trades/VB-1")
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
    // a CloudEvent carries no token: its audit entry names its source, and no actor
    TestTokens.withAllRoles()
        .queryParam("trade_id", "VB-1")
        .get("/api/v1/audit-logs")
        .then()
        .body("[0].action", equalTo("ACCEPTED"))
        .body("[0].actor", nullValue());
  }

  @Test
  void structuredModeRejectsALowerVersionWithA200RejectedEvent() {
    Send.structured(
            Send.event(
                PARSED, "VS-1", "application/json", Trades.parsed("VS-1", 2, "B1", "2027-05-20")))
        .statusCode(200)
        .body("type", equalTo(EventType.TRADE_VALIDATED.type()));
    Send.structured(
            Send.event(
                PARSED, "VS-1", "application/json", Trades.parsed("VS-1", 1, "B1", "2027-05-20")))
        .statusCode(200)
        .body("type", equalTo(EventType.TRADE_REJECTED.type()))
        .body("data.reason", equalTo("LOWER_VERSION"))
        .body("data.stage", equalTo("VALIDATE"));
    TestTokens.withAllRoles().get("/api/v1/trades/VS-1").then().body("version", equalTo(2));
  }

  @Test
  void aParsedEventWhoseDataIsNotATradeGets400() {
    Send.binary(Send.event(PARSED, "VX-1", "application/json", "{\"nonsense\":true}"))
        .statusCode(400)
        .contentType(containsString("application/problem+json"));
    TestTokens.withAllRoles()
        .header("ce-specversion", "1.0")
        .header("ce-id", "1")
        .header("ce-type", PARSED)
        .body("{}")
        .post("/")
        .then()
        .statusCode(400)
        .body("detail", containsString("source"));
  }

  @Test
  void kafkaPathValidatesAndFlagsExpiredTrades() {
    try (TopicProbe validated = TopicProbe.open(EventType.TRADE_VALIDATED)) {
      Send.kafka(
          Send.event(
              PARSED, "VK-1", "application/json", Trades.parsed("VK-1", 1, "B7", "2026-11-21")));
      CloudEvent accepted = validated.await(1, e -> "VK-1".equals(e.subject())).get(0);
      assertThat(Json.read(accepted.data(), ValidatedTrade.class).change())
          .isEqualTo(ValidatedTrade.Change.ACCEPTED);
    }
    // the trade matures today, so an expiry for it is a no-op today
    Send.kafka(
        Send.event(
            EventType.TRADE_EXPIRED.type(),
            "VK-1",
            "application/json",
            "{\"trade_id\":\"VK-1\",\"version\":1,\"maturity_date\":\"2026-11-21\"}"));
    TestTokens.withAllRoles().get("/api/v1/trades/VK-1").then().body("expired", equalTo(false));
  }

  @Test
  void garbageOnTheKafkaInputIsRejectedAndHarmsNothingAfterIt() {
    try (TopicProbe rejected = TopicProbe.open(EventType.TRADE_REJECTED);
        TopicProbe validated = TopicProbe.open(EventType.TRADE_VALIDATED)) {
      Send.kafka(
          new org.apache.kafka.clients.producer.ProducerRecord<>(
              EventType.TRADE_PARSED.topic().topicName(),
              "VG-1",
              new byte[] {0, 1, 2, (byte) 0xff}));
      Send.kafka(Send.event(PARSED, "VG-2", "application/json", "{\"trade_id\":42}"));
      Send.kafka(
          Send.event(
              PARSED, "VG-3", "application/json", Trades.parsed("VG-3", 1, "B1", "2027-05-20")));
      assertThat(rejected.await(1, e -> "VG-1".equals(e.subject())).get(0).dataAsText())
          .contains("MALFORMED_EVENT")
          .contains("base64:AAEC/w==");
      assertThat(rejected.await(1, e -> "VG-2".equals(e.subject())).get(0).dataAsText())
          .contains("MALFORMED_EVENT");
      assertThat(validated.await(1, e -> "VG-3".equals(e.subject()))).hasSize(1);
    }
    TestTokens.withAllRoles().get("/api/v1/trades/VG-3").then().statusCode(200);
    TestTokens.withAllRoles().get("/api/v1/trades/VG-2").then().statusCode(404);
  }

  @Test
  void restCallsTakeTheSameUnitOfWorkAndAreCountedAsRestInputsAndByDecision() {
    double accepted = decisions("accepted");
    double deleted = decisions("deleted");
    TestTokens.withAllRoles()
        .body(Trades.json("VU-1", 1, "CP-1", "B3", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(201);
    TestTokens.withAllRoles().delete("/api/v1/trades/VU-1").then().statusCode(204);
    String metrics =
        TestTokens.withAllRoles().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "tradeflow_events_in_total\\{[^}]*binding=\"rest\"[^}]*type=\"tradeflow.trade.parsed\"")
        .containsPattern(
            "tradeflow_events_in_total\\{[^}]*binding=\"rest\"[^}]*type=\"tradeflow.trade.cancel-requested\"")
        .containsPattern(
            "tradeflow_events_out_total\\{[^}]*binding=\"rest\"[^}]*type=\"tradeflow.trade.deleted\"")
        .contains("tradeflow_processing_seconds_count{binding=\"rest\"");
    // the trade store's decisions, by action: each action's series is there from the start
    assertThat(decisions("accepted")).isEqualTo(accepted + 1);
    assertThat(decisions("deleted")).isEqualTo(deleted + 1);
    assertThat(decisions("expired")).isNotNegative();
  }

  /** The {@code tradeflow_trade_store_decisions_total} of one action, as scraped now. */
  private static double decisions(String action) {
    String metrics =
        TestTokens.withAllRoles().get("/q/metrics").then().statusCode(200).extract().asString();
    java.util.regex.Matcher found =
        java.util.regex.Pattern.compile(
                "(?m)^tradeflow_trade_store_decisions_total\\{action=\""
                    + action
                    + "\"[^}]*\\} (\\S+)$")
            .matcher(metrics);
    assertThat(found.find()).as("the series of " + action).isTrue();
    return Double.parseDouble(found.group(1));
  }

  @Test
  void restApiCreatesReplacesAndRejectsWithReasons() {
    TestTokens.withAllRoles()
        .body(Trades.json("VR-1", 1, "CP-1", "B3", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/trades/VR-1"))
        .body("trade_id", equalTo("VR-1"))
        .body("counterparty_id", equalTo("CP-1"));
    TestTokens.withAllRoles()
        .body(Trades.json("VR-1", 1, "CP-9", "B3", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(200)
        .body("counterparty_id", equalTo("CP-9"));
    TestTokens.withAllRoles()
        .body(Trades.json("VR-1", 2, "CP-9", "B3", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(201)
        .body("version", equalTo(2));
    TestTokens.withAllRoles()
        .body(Trades.json("VR-1", 1, "CP-9", "B3", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("reason", equalTo("LOWER_VERSION"))
        .body("detail", containsString("lower"));
    TestTokens.withAllRoles()
        .body(Trades.json("VR-2", 1, "CP-9", "B3", "2014-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(400)
        .body("reason", equalTo("MATURITY_IN_PAST"));
    TestTokens.withAllRoles()
        .body("{\"trade_id\":\"VR-3\"")
        .post("/api/v1/trades")
        .then()
        .statusCode(400)
        .body("reason", equalTo("MALFORMED_PAYLOAD"));
    TestTokens.withAllRoles()
        .body(Trades.json("VR-4", 1, "CP-9", "B3", "2027-13-01"))
        .post("/api/v1/trades")
        .then()
        .statusCode(400)
        .body("reason", equalTo("INVALID_FIELD"))
        .body("location", equalTo("/maturity_date"));
    TestTokens.withAllRoles().get("/api/v1/trades/VR-2").then().statusCode(404);
    TestTokens.withAllRoles()
        .get("/api/v1/audit-logs?trade_id=VR-1")
        .then()
        .statusCode(200)
        .body(
            "action",
            org.hamcrest.Matchers.contains("REJECTED", "ACCEPTED", "REPLACED", "ACCEPTED"));
  }

  @Test
  void listsPagesAndBooks() {
    for (int i = 0; i < 5; i++) {
      TestTokens.withAllRoles()
          .body(Trades.json("VL-" + i, 1, "CP-1", "BOOK-L", "2027-05-20"))
          .post("/api/v1/trades")
          .then()
          .statusCode(201);
    }
    TestTokens.withAllRoles()
        .get("/api/v1/trades/book/BOOK-L")
        .then()
        .statusCode(200)
        .body("size()", equalTo(5));
    TestTokens.withAllRoles()
        .get("/api/v1/trades?page=0&size=2")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2))
        .body("size", equalTo(2));
  }

  @Test
  void deleteWritesATombstoneAndEmitsDeleted() {
    TestTokens.withAllRoles()
        .body(Trades.json("VD-1", 1, "CP-1", "B1", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(201);
    try (TopicProbe deleted = TopicProbe.open(EventType.TRADE_DELETED)) {
      TestTokens.withAllRoles().delete("/api/v1/trades/VD-1").then().statusCode(204);
      assertThat(deleted.await(1, e -> "VD-1".equals(e.subject()))).hasSize(1);
    }
    TestTokens.withAllRoles().get("/api/v1/trades/VD-1").then().statusCode(404);
    TestTokens.withAllRoles().delete("/api/v1/trades/VD-1").then().statusCode(404);
  }

  @Test
  void aCancelRequestRemovesTheTradeAndAnUnknownOneIsRejected() {
    Send.binary(
            Send.event(
                PARSED, "VC-1", "application/json", Trades.parsed("VC-1", 1, "B1", "2027-05-20")))
        .statusCode(200);
    String cancel = EventType.TRADE_CANCEL_REQUESTED.type();
    try (TopicProbe deleted = TopicProbe.open(EventType.TRADE_DELETED)) {
      Send.kafka(
          Send.event(cancel, "VC-1", "application/json", "{\"trade_id\":\"VC-1\",\"version\":1}"));
      assertThat(deleted.await(1, e -> "VC-1".equals(e.subject()))).hasSize(1);
    }
    TestTokens.withAllRoles().get("/api/v1/trades/VC-1").then().statusCode(404);
    Send.binary(
            Send.event(cancel, "VC-2", "application/json", "{\"trade_id\":\"VC-2\",\"version\":1}"))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_REJECTED.type())
        .body("reason", equalTo("UNKNOWN_TRADE"));
  }

  @Test
  void statisticsHealthAndManualExpiry() {
    TestTokens.withAllRoles()
        .get("/api/v1/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("business_date", equalTo("2026-11-21"));
    TestTokens.withAllRoles()
        .get("/api/v1/statistics")
        .then()
        .statusCode(200)
        .body("business_date", equalTo("2026-11-21"));
    TestTokens.withAllRoles()
        .post("/api/v1/expire-trades")
        .then()
        .statusCode(200)
        .body("business_date", equalTo("2026-11-21"));
    TestTokens.withAllRoles()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.find { it.name == 'tradeflow-state' }.data",
            org.hamcrest.Matchers.hasKey("tradeflow.state.trade-store"));
  }

  /**
   * The audit log's REST view is read back from the audit topic: a decision another instance of
   * validate wrote there shows here, and is counted in the statistics.
   */
  @Test
  void theAuditLogShowsEveryInstancesDecisions() {
    AuditEntry elsewhere =
        new AuditEntry(
            java.time.Instant.parse("2026-11-21T10:00:00Z"),
            "VA-OTHER",
            3,
            AuditAction.ACCEPTED,
            null,
            null,
            "/tradeflow/parse",
            "other-instance-1",
            null);
    long accepted =
        TestTokens.withAllRoles()
            .get("/api/v1/statistics")
            .then()
            .extract()
            .jsonPath()
            .getLong("decisions.ACCEPTED");
    Send.kafka(
        new org.apache.kafka.clients.producer.ProducerRecord<>(
            dev.tradeflow.events.Topic.AUDIT.topicName(), "VA-OTHER", Json.write(elsewhere)));
    TestTokens.withAllRoles()
        .queryParam("trade_id", "VA-OTHER")
        .get("/api/v1/audit-logs")
        .then()
        .statusCode(200)
        .body("[0].cause_id", equalTo("other-instance-1"))
        .body("[0].version", equalTo(3));
    TestTokens.withAllRoles()
        .get("/api/v1/statistics")
        .then()
        .body("decisions.ACCEPTED", equalTo((int) accepted + 1));
  }

  /**
   * A record on the audit topic that is not an entry (no action header, no readable JSON) is
   * neither counted nor shown, and the entries around it still are.
   */
  @Test
  void garbageOnTheAuditTopicIsPassedOver() {
    var statistics = TestTokens.withAllRoles().get("/api/v1/statistics").then().extract();
    long accepted = statistics.jsonPath().getLong("decisions.ACCEPTED");
    long rejected = statistics.jsonPath().getLong("decisions.REJECTED");
    var garbage =
        new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(
            dev.tradeflow.events.Topic.AUDIT.topicName(),
            "VA-GARBAGE",
            "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Send.kafka(garbage);
    var unknownAction =
        new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(
            dev.tradeflow.events.Topic.AUDIT.topicName(),
            "VA-GARBAGE",
            "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    unknownAction
        .headers()
        .add(AuditLog.ACTION_HEADER, "EXPLODED".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Send.kafka(unknownAction);
    TestTokens.withAllRoles()
        .queryParam("trade_id", "VA-GARBAGE")
        .get("/api/v1/audit-logs")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    TestTokens.withAllRoles()
        .get("/api/v1/statistics")
        .then()
        .body("decisions.ACCEPTED", equalTo((int) accepted))
        .body("decisions.REJECTED", equalTo((int) rejected));
  }
}
