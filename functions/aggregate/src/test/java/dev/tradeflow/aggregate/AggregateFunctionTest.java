package dev.tradeflow.aggregate;

import static dev.tradeflow.testing.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.Roles;
import dev.tradeflow.model.TradeDeletion;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.Send;
import dev.tradeflow.testing.TestTokens;
import dev.tradeflow.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class AggregateFunctionTest {

  static final String ENRICHED = EventType.TRADE_ENRICHED.type();

  static String enriched(String id, String book, String cp, boolean expired, long revision) {
    return Json.mapper()
        .valueToTree(AggregateCoreTest.enriched(id, book, cp, expired, revision))
        .toString();
  }

  @Test
  void binaryModePublishesTheMovedAggregates() {
    try (TopicProbe updates = TopicProbe.open(EventType.AGGREGATE_UPDATED)) {
      Send.binary(
              Send.event(
                  ENRICHED,
                  "AB-1",
                  "application/json",
                  enriched("AB-1", "AB-BOOK", "AB-CP", false, 1)))
          .statusCode(202)
          .body(emptyString());
      assertThat(updates.await(2, e -> e.subject().contains("AB-"))).hasSize(2);
    }
    TestTokens.withAllRoles()
        .get("/api/v1/aggregates/book/AB-BOOK")
        .then()
        .statusCode(200)
        .body("live_trades", equalTo(1))
        .body("expired_trades", equalTo(0));
  }

  @Test
  void structuredModeReplayOfTheSameEventChangesNothing() {
    CloudEvent event =
        Send.event(
            ENRICHED, "AS-1", "application/json", enriched("AS-1", "AS-BOOK", "AS-CP", false, 7));
    Send.structured(event).statusCode(202);
    Send.structured(event).statusCode(204);
    TestTokens.withAllRoles()
        .get("/api/v1/aggregates/counterparty/AS-CP")
        .then()
        .statusCode(200)
        .body("live_trades", equalTo(1));
  }

  @Test
  void malformedEventsGet400() {
    Send.binary(Send.event(ENRICHED, "AM-1", "application/json", "{\"validated\":null}"))
        .statusCode(400)
        .contentType(containsString("application/problem+json"));
    Send.binary(Send.event(EventType.TRADE_PARSED.type(), "AM-2", "application/json", "{}"))
        .statusCode(400);
  }

  @Test
  void kafkaPathCountsExpiresAndDeletes() {
    try (TopicProbe updates = TopicProbe.open(EventType.AGGREGATE_UPDATED)) {
      Send.kafka(
          Send.event(
              ENRICHED,
              "AK-1",
              "application/json",
              enriched("AK-1", "AK-BOOK", "AK-CP", false, 10)));
      Send.kafka(
          Send.event(
              ENRICHED,
              "AK-2",
              "application/json",
              enriched("AK-2", "AK-BOOK", "AK-CP", false, 11)));
      Send.kafka(
          Send.event(
              ENRICHED,
              "AK-1",
              "application/json",
              enriched("AK-1", "AK-BOOK", "AK-CP", true, 12)));
      Send.kafka(
          Send.event(
              EventType.TRADE_DELETED.type(),
              "AK-2",
              "application/json",
              new String(Json.write(new TradeDeletion("AK-2", 13)))));
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  TestTokens.withAllRoles()
                      .get("/api/v1/aggregates/book/AK-BOOK")
                      .then()
                      .statusCode(200)
                      .body("live_trades", equalTo(0))
                      .body("expired_trades", equalTo(1)));
      // a poll batch writes each aggregate it moved once, with its count after the batch: the
      // last book event says what the REST API says, however the four were batched
      updates.await(
          1,
          e -> {
            if (!"book:AK-BOOK".equals(e.subject())) {
              return false;
            }
            Aggregate book = Json.read(e.data(), Aggregate.class);
            return book.liveTrades() == 0 && book.expiredTrades() == 1;
          });
      CloudEvent last =
          updates.await(1, e -> "counterparty:AK-CP".equals(e.subject())).stream()
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(Json.read(last.data(), Aggregate.class).expiredTrades()).isBetween(0L, 1L);
    }
  }

  /**
   * A contribution another instance wrote (here: straight to the contributions topic) moves this
   * instance's counts without an input of its own; this instance writes and announces the book
   * again as it sees it, so the last record of the book never misses a peer's trade.
   */
  @Test
  void anAggregateAPeerMovedIsAnnouncedAgain() {
    try (TopicProbe updates = TopicProbe.open(EventType.AGGREGATE_UPDATED)) {
      dev.tradeflow.model.Contribution peers =
          new dev.tradeflow.model.Contribution(
              "AP-1", 1, "AP-BOOK", "AP-CP", dev.tradeflow.model.Contribution.Status.LIVE, null);
      Send.kafka(
          new org.apache.kafka.clients.producer.ProducerRecord<>(
              dev.tradeflow.events.Topic.AGGREGATE_CONTRIBUTIONS.topicName(),
              "AP-1",
              Json.write(peers)));
      CloudEvent book =
          updates.await(1, e -> "book:AP-BOOK".equals(e.subject()), Duration.ofSeconds(20)).get(0);
      assertThat(Json.read(book.data(), Aggregate.class).liveTrades()).isEqualTo(1);
      assertThat(book.source()).isEqualTo(dev.tradeflow.events.Function.AGGREGATE.source());
      updates.await(1, e -> "counterparty:AP-CP".equals(e.subject()), Duration.ofSeconds(5));
    }
  }

  /**
   * 200 trades of one book sent at once reach aggregate in a few poll batches; each batch writes
   * and announces the book once, with its count after the batch, so there are fewer book events
   * than trades, and the last says 200.
   */
  @Test
  void aPollBatchAnnouncesEachAggregateItMovedOnce() {
    int trades = 200;
    try (TopicProbe updates = TopicProbe.open(EventType.AGGREGATE_UPDATED)) {
      java.util.List<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>> records =
          new java.util.ArrayList<>();
      for (int i = 0; i < trades; i++) {
        records.add(
            dev.tradeflow.cloudevents.KafkaCloudEvents.toRecord(
                Send.event(
                    ENRICHED,
                    "AC-" + i,
                    "application/json",
                    enriched("AC-" + i, "AC-BOOK", "AC-CP-" + (i % 4), false, 100 + i))));
      }
      Send.kafkaAll(records);
      CloudEvent full =
          updates
              .await(
                  1,
                  e ->
                      "book:AC-BOOK".equals(e.subject())
                          && Json.read(e.data(), Aggregate.class).liveTrades() == trades)
              .get(0);
      assertThat(full.subject()).isEqualTo("book:AC-BOOK");
      long bookEvents =
          updates.drain(Duration.ofSeconds(2)).stream()
              .filter(e -> "book:AC-BOOK".equals(e.subject()))
              .count();
      assertThat(bookEvents).isLessThan(trades);
    }
  }

  @Test
  void oddIdsAndOversizedBodiesGetProblemJson() {
    for (String odd : new String[] {"bad id", "-dash", "T".repeat(65), "x<y>"}) {
      problem(TestTokens.withAllRoles().get("/api/v1/aggregates/book/{id}", odd).then(), 400)
          .body("detail", containsString("book id must be 1 to 64"));
      problem(
          TestTokens.withAllRoles().get("/api/v1/aggregates/counterparty/{id}", odd).then(), 400);
    }
    problem(
        TestTokens.withAllRoles().body(new byte[2 * 1024 * 1024]).post("/api/v1/aggregates").then(),
        413);
    problem(TestTokens.withAllRoles().post("/api/v1/aggregates").then(), 405);
  }

  @Test
  void readingAggregatesTakesAReaderToken() {
    problem(given().get("/api/v1/aggregates").then(), 401);
    problem(given().auth().oauth2("not-a-token").get("/api/v1/aggregates/book/B1").then(), 401);
    problem(
        given().auth().oauth2(TestTokens.with(Roles.TRADE_WRITER)).get("/api/v1/aggregates").then(),
        403);
    given()
        .auth()
        .oauth2(TestTokens.with(Roles.READER))
        .get("/api/v1/aggregates")
        .then()
        .statusCode(200);
  }
}
