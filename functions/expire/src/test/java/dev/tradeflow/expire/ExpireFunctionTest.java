package dev.tradeflow.expire;

import static dev.tradeflow.testing.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Roles;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeExpiry;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.Send;
import dev.tradeflow.testing.TestTokens;
import dev.tradeflow.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ExpireFunctionTest {

  static final String TICK = EventType.EXPIRY_TICK.type();

  static void store(String id, String maturity, boolean expired) {
    Trade trade = new Trade(id, 1, "CP-X", "B-X", LocalDate.parse(maturity), null, expired, null);
    Send.kafka(
        new ProducerRecord<>(
            Topic.TRADE_STORE.topicName(), id, Json.write(new StoredTrade(trade, 1))));
  }

  @BeforeAll
  static void storedTrades() {
    store("XP-MATURED", "2026-11-20", false);
    store("XP-LIVE", "2027-05-20", false);
    store("XP-FLAGGED", "2026-01-01", true);
  }

  static void awaitIndexed() {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                TestTokens.withAllRoles()
                    .post("/api/v1/expire-trades")
                    .then()
                    .statusCode(200)
                    .body("trade_ids", hasItem("XP-MATURED")));
  }

  @Test
  void restCallSweepsMaturedTradesOnlyAndNamesWhoAsked() {
    awaitIndexed();
    try (TopicProbe expired = TopicProbe.open(EventType.TRADE_EXPIRED)) {
      given()
          .auth()
          .oauth2(TestTokens.as("olivia", Roles.OPERATOR))
          .post("/api/v1/expire-trades")
          .then()
          .statusCode(200)
          .body("trade_ids", hasItem("XP-MATURED"))
          .body("trade_ids", org.hamcrest.Matchers.not(hasItem("XP-LIVE")))
          .body("trade_ids", org.hamcrest.Matchers.not(hasItem("XP-FLAGGED")));
      // the cron may sweep meanwhile (its expiries name nobody): wait for one that names someone
      CloudEvent event =
          expired
              .await(
                  1,
                  e ->
                      "XP-MATURED".equals(e.subject())
                          && Json.read(e.data(), TradeExpiry.class).requestedBy() != null)
              .get(0);
      assertThat(Json.read(event.data(), TradeExpiry.class).requestedBy()).isEqualTo("olivia");
    }
  }

  @Test
  void aPingSourceTickOverHttpEmitsExpiredEvents() {
    awaitIndexed();
    try (TopicProbe expired = TopicProbe.open(EventType.TRADE_EXPIRED)) {
      var response = Send.binary(Send.event(TICK, null, "application/json", "{}")).extract();
      assertThat(response.statusCode()).isIn(200, 202);
      if (response.statusCode() == 200) {
        assertThat(response.header("ce-type")).isEqualTo(EventType.TRADE_EXPIRED.type());
      } else {
        assertThat(expired.await(1, e -> "XP-MATURED".equals(e.subject()))).isNotEmpty();
      }
    }
  }

  @Test
  void aStructuredTickMayNameTheBusinessDate() {
    awaitIndexed();
    var response =
        Send.structured(
                Send.event(TICK, null, "application/json", "{\"business_date\":\"2026-11-19\"}"))
            .extract();
    // on 2026-11-19 nothing of ours had matured yet
    assertThat(response.statusCode()).isIn(202, 204, 200);
    assertThat(response.asString()).doesNotContain("XP-MATURED");
  }

  @Test
  void aKnativePingSourceTickIsATick() {
    var response =
        Send.binary(Send.event("dev.knative.sources.ping", null, "application/json", "{}"))
            .extract();
    assertThat(response.statusCode()).isIn(200, 202, 204);
  }

  @Test
  void aMalformedTickGets400() {
    Send.binary(Send.event(TICK, null, "application/json", "{\"business_date\":\"yesterday\"}"))
        .statusCode(400)
        .contentType(containsString("application/problem+json"));
  }

  @Test
  void aTickOverKafkaEmitsExpiredEvents() {
    awaitIndexed();
    try (TopicProbe expired = TopicProbe.open(EventType.TRADE_EXPIRED)) {
      Send.kafka(Send.event(TICK, "tick", "application/json", ""));
      CloudEvent event = expired.await(1, e -> "XP-MATURED".equals(e.subject())).get(0);
      assertThat(Json.read(event.data(), TradeExpiry.class).businessDate())
          .isEqualTo(LocalDate.of(2026, 11, 21));
    }
  }

  @Test
  void theCronSweepsOnItsOwn() {
    awaitIndexed();
    try (TopicProbe expired = TopicProbe.open(EventType.TRADE_EXPIRED)) {
      assertThat(
              expired.await(
                  1,
                  e -> "XP-MATURED".equals(e.subject()) && e.source().equals("/tradeflow/expire"),
                  Duration.ofSeconds(15)))
          .isNotEmpty();
    }
  }

  @Test
  void aManualSweepTakesAnOperatorToken() {
    problem(given().post("/api/v1/expire-trades").then(), 401);
    problem(
        given().auth().oauth2(TestTokens.with(Roles.READER)).post("/api/v1/expire-trades").then(),
        403);
    problem(
        given()
            .auth()
            .oauth2(TestTokens.with(Roles.TRADE_WRITER))
            .post("/api/v1/expire-trades")
            .then(),
        403);
    problem(
        given()
            .auth()
            .oauth2(TestTokens.with(Roles.OPERATOR))
            .body(new byte[2 * 1024 * 1024])
            .post("/api/v1/expire-trades")
            .then(),
        413);
  }
}
