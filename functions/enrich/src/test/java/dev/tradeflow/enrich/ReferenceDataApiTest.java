package dev.tradeflow.enrich;

import static dev.tradeflow.testing.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.tradeflow.cloudevents.TopicTail;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Roles;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.Send;
import dev.tradeflow.testing.TestTokens;
import dev.tradeflow.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Reference data over REST and as CloudEvents (HTTP both modes, and Kafka), against a real broker:
 * what is stored is on the compacted topic, and bad data is refused whole with each fault named.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ReferenceDataApiTest {

  static final String REF = "/api/v1/reference/";

  /** A valid value of each kind, without its key field: the path gives it. */
  static final Map<String, String> VALUES =
      Map.of(
          "counterparties", "{\"name\":\"Northwind Bank\",\"lei\":\"5493001KJTIIGC8Y1R12\"}",
          "books", "{\"name\":\"Rates\",\"desk\":\"London\"}",
          "instruments",
              "{\"asset_class\":\"bond\",\"currency\":\"EUR\",\"price_quotation\":\"percent_of_par\","
                  + "\"contract_multiplier\":1,\"settlement_days\":2}",
          "fx-rates", "{\"rate\":1.0825}",
          "limits", "{\"amount\":5000000}");

  static io.restassured.specification.RequestSpecification writer() {
    return given().auth().oauth2(TestTokens.with(Roles.READER, Roles.REFDATA_WRITER));
  }

  @Test
  void eachKindIsStoredThroughItsTopicReadAndRemoved() {
    try (TopicTail<ConsumerRecord<String, byte[]>> instruments =
        TopicProbe.records(Topic.INSTRUMENTS)) {
      for (var kind : VALUES.entrySet()) {
        String path =
            REF + kind.getKey() + "/" + ("fx-rates".equals(kind.getKey()) ? "CHF" : "R-1");
        writer()
            .contentType("application/json")
            .body(kind.getValue())
            .put(path)
            .then()
            .statusCode(201);
        writer()
            .contentType("application/json")
            .body(kind.getValue())
            .put(path)
            .then()
            .statusCode(200);
        TestTokens.withAllRoles().get(path).then().statusCode(200);
        TestTokens.withAllRoles().get(REF + kind.getKey()).then().statusCode(200);
      }
      TestTokens.withAllRoles()
          .get(REF + "instruments/R-1")
          .then()
          .body("id", equalTo("R-1"))
          .body("price_quotation", equalTo("percent_of_par"))
          .body("settlement_days", equalTo(2));
      TestTokens.withAllRoles().get(REF + "fx-rates/CHF").then().body("rate", equalTo(1.0825f));
      ConsumerRecord<String, byte[]> written =
          instruments.await(1, r -> "R-1".equals(r.key()), Duration.ofSeconds(20)).get(0);
      assertThat(new String(written.value(), StandardCharsets.UTF_8))
          .contains("\"asset_class\":\"bond\"");

      writer().delete(REF + "instruments/R-1").then().statusCode(204);
      TestTokens.withAllRoles().get(REF + "instruments/R-1").then().statusCode(404);
      problem(writer().delete(REF + "instruments/R-1").then(), 404)
          .body("detail", equalTo("no reference data for instruments R-1"));
      assertThat(
              instruments.await(
                  1, r -> "R-1".equals(r.key()) && r.value() == null, Duration.ofSeconds(20)))
          .hasSize(1);
    }
  }

  @Test
  void bulkLoadsTakeJsonArraysAndCsv() {
    writer()
        .contentType("application/json")
        .body(
            "[{\"id\":\"BK-1\",\"name\":\"Rates\",\"desk\":\"London\"},"
                + "{\"id\":\"BK-2\",\"name\":\"Credit\"}]")
        .post(REF + "books")
        .then()
        .statusCode(200)
        .body("kind", equalTo("books"))
        .body("rows", equalTo(2))
        .body("changed", equalTo(2));
    String csv = "currency,rate\r\nJPY,0.0067\nGBP,\"1.27\"\n";
    writer()
        .contentType("text/csv")
        .body(csv)
        .post(REF + "fx-rates")
        .then()
        .body("changed", equalTo(2));
    writer()
        .contentType("text/csv; charset=utf-8")
        .body(csv)
        .post(REF + "fx-rates")
        .then()
        .statusCode(200)
        .body("rows", equalTo(2))
        .body("changed", equalTo(0));
    TestTokens.withAllRoles().get(REF + "books/BK-2").then().body("name", equalTo("Credit"));
    TestTokens.withAllRoles().get(REF + "fx-rates/JPY").then().body("rate", equalTo(0.0067f));
  }

  @Test
  void aBulkLoadWithOneBadRowStoresNothingAndNamesEachFault() {
    problem(
            writer()
                .contentType("application/json")
                .body(
                    "[{\"id\":\"IX-1\",\"asset_class\":\"equity\",\"currency\":\"USD\","
                        + "\"price_quotation\":\"per_unit\",\"contract_multiplier\":1,\"settlement_days\":2},"
                        + "{\"id\":\"IX-2\",\"asset_class\":\"equity\",\"currency\":\"usd\","
                        + "\"price_quotation\":\"per_unit\",\"contract_multiplier\":1}]")
                .post(REF + "instruments")
                .then(),
            400)
        .body("type", equalTo("https://tradeflow.dev/problems/invalid-reference-data"))
        .body("errors", hasSize(2))
        .body("errors[0].row", equalTo(2))
        .body("errors[0].field", equalTo("currency"))
        .body("errors[0].reason", containsString("ISO 4217"))
        .body("errors[1].field", equalTo("settlement_days"))
        .body("errors[1].reason", equalTo("is required"));
    problem(
            writer()
                .contentType("text/csv")
                .body("counterparty_id,amount\nCPX-1,100\nCPX-2,none\nCPX-3\n")
                .post(REF + "limits")
                .then(),
            400)
        .body("errors.row", contains(3));
    problem(
            writer()
                .contentType("text/csv")
                .body("counterparty_id,amount\nCPX-1,100\nCPX-2,none\n")
                .post(REF + "limits")
                .then(),
            400)
        .body("errors[0].row", equalTo(2))
        .body("errors[0].field", equalTo("amount"));
    TestTokens.withAllRoles().get(REF + "instruments/IX-1").then().statusCode(404);
    TestTokens.withAllRoles().get(REF + "limits/CPX-1").then().statusCode(404);
  }

  @Test
  void badRequestsAreClearProblems() {
    problem(
            writer()
                .contentType("application/json")
                .body("{\"id\":\"B-OTHER\",\"name\":\"x\"}")
                .put(REF + "books/B-9")
                .then(),
            400)
        .body("errors[0].field", equalTo("id"))
        .body("errors[0].reason", equalTo("is 'B-OTHER', but the path names 'B-9'"));
    problem(
            writer().contentType("application/json").body("not json").put(REF + "books/B-9").then(),
            400)
        .body("errors[0].reason", containsString("the body is not JSON"));
    problem(writer().contentType("application/json").body("").put(REF + "books/B-9").then(), 400)
        .body("errors[0].reason", equalTo("the body is empty"));
    problem(writer().contentType("application/json").body("{}").post(REF + "books").then(), 400)
        .body("errors[0].reason", equalTo("the body must be a JSON array of objects"));
    problem(TestTokens.withAllRoles().get(REF + "planets").then(), 404)
        .body("detail", containsString("[counterparties, books, instruments, fx-rates, limits]"));
    problem(TestTokens.withAllRoles().get(REF + "books/bad%20id").then(), 400);
    TestTokens.withAllRoles().get(REF + "books/B-9").then().statusCode(404);
  }

  @Test
  void writesNeedTheRefdataWriterRole() {
    problem(given().contentType("application/json").body("{}").put(REF + "books/B-A").then(), 401);
    problem(
        given()
            .auth()
            .oauth2(TestTokens.with(Roles.READER, Roles.TRADE_WRITER))
            .contentType("application/json")
            .body(VALUES.get("books"))
            .put(REF + "books/B-A")
            .then(),
        403);
    problem(
        given().auth().oauth2(TestTokens.with(Roles.READER)).delete(REF + "books/B-A").then(), 403);
    TestTokens.withAllRoles().get(REF + "books/B-A").then().statusCode(404);
  }

  static String updated(String kind, String value) {
    return "{\"kind\":\"" + kind + "\",\"value\":" + value + "}";
  }

  @Test
  void cloudEventsOverHttpUpdateAndDelete() {
    Send.binary(
            Send.event(
                EventType.REFDATA_UPDATED.type(),
                "instruments/CE-1",
                "application/json",
                updated(
                    "instruments", VALUES.get("instruments").replace("{", "{\"id\":\"CE-1\","))))
        .statusCode(204);
    TestTokens.withAllRoles().get(REF + "instruments/CE-1").then().statusCode(200);
    Send.structured(
            Send.event(
                EventType.REFDATA_DELETED.type(),
                "instruments/CE-1",
                "application/json",
                "{\"kind\":\"instruments\",\"id\":\"CE-1\"}"))
        .statusCode(204);
    TestTokens.withAllRoles().get(REF + "instruments/CE-1").then().statusCode(404);
  }

  @Test
  void badReferenceCloudEventsGet400WithEachFault() {
    problem(
            Send.binary(
                Send.event(
                    EventType.REFDATA_UPDATED.type(),
                    "limits/CE-2",
                    "application/json",
                    updated(
                        "limits",
                        "{\"counterparty_id\":\"CE-2\",\"amount\":-5,\"currency\":\"USD\"}"))),
            400)
        .body(
            "detail",
            containsString("tradeflow.refdata.updated data is not a reference-data change"))
        .body("errors.field", contains("amount", "currency"));
    problem(
            Send.structured(
                Send.event(
                    EventType.REFDATA_UPDATED.type(),
                    "x",
                    "application/json",
                    "{\"kind\":\"planets\",\"value\":{}}")),
            400)
        .body("errors[0].field", equalTo("kind"));
    problem(
            Send.binary(
                Send.event(
                    EventType.REFDATA_DELETED.type(),
                    "x",
                    "application/json",
                    "{\"kind\":\"books\"}")),
            400)
        .body("errors[0].field", equalTo("id"));
    TestTokens.withAllRoles().get(REF + "limits/CE-2").then().statusCode(404);
  }

  @Test
  void cloudEventsOverKafkaAreAppliedAndPoisonIsDeadLettered() {
    try (TopicTail<ConsumerRecord<String, byte[]>> deadLetters =
        TopicProbe.records(Topic.DEAD_LETTER)) {
      Send.kafka(
          Send.event(
              EventType.REFDATA_UPDATED.type(),
              "limits:CK-1",
              "application/json",
              updated("limits", "{\"counterparty_id\":\"CK-1\",\"amount\":\"not a number\"}")));
      Send.kafka(
          Send.event(
              EventType.REFDATA_UPDATED.type(),
              "counterparties:CK-1",
              "application/json",
              updated("counterparties", "{\"id\":\"CK-1\",\"name\":\"Kafka Fed Ltd\"}")));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  TestTokens.withAllRoles()
                      .get(REF + "counterparties")
                      .then()
                      .body("id", hasItem("CK-1")));
      ConsumerRecord<String, byte[]> dead =
          deadLetters.await(1, r -> "limits:CK-1".equals(r.key()), Duration.ofSeconds(20)).get(0);
      assertThat(
              new String(
                  dead.headers().lastHeader(dev.tradeflow.binding.DeadLetters.REASON).value(),
                  StandardCharsets.UTF_8))
          .isEqualTo("MALFORMED_EVENT");
      TestTokens.withAllRoles().get(REF + "limits/CK-1").then().statusCode(404);
    }
  }
}
