package dev.tradeflow.enrich;

import static dev.tradeflow.testing.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.Roles;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.ValidatedTrade;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.Send;
import dev.tradeflow.testing.TestTokens;
import dev.tradeflow.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class EnrichFunctionTest {

  static final String VALIDATED = EventType.TRADE_VALIDATED.type();

  @BeforeEach
  void referenceData() {
    Send.kafka(
        new ProducerRecord<>(
            Topic.COUNTERPARTIES.topicName(),
            "CP-E1",
            Json.write(new Counterparty("CP-E1", "Acme Bank", "LEI-E1"))));
    Send.kafka(
        new ProducerRecord<>(
            Topic.BOOKS.topicName(), "B-E1", Json.write(new Book("B-E1", "Rates", "London"))));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              TestTokens.withAllRoles()
                  .get("/api/v1/reference/counterparties/CP-E1")
                  .then()
                  .statusCode(200);
              TestTokens.withAllRoles().get("/api/v1/reference/books/B-E1").then().statusCode(200);
            });
  }

  static String validated(String id, String cp, String book) {
    Trade trade = new Trade(id, 1, cp, book, LocalDate.of(2027, 5, 20), null, false, null);
    return Json.mapper()
        .valueToTree(new ValidatedTrade(new StoredTrade(trade, 5), ValidatedTrade.Change.ACCEPTED))
        .toString();
  }

  static String validatedWithEconomics(String id, String instrument) {
    Trade trade =
        new Trade(
            id,
            1,
            "CP-E1",
            "B-E1",
            LocalDate.of(2027, 5, 20),
            LocalDate.of(2026, 11, 20),
            false,
            new Economics(
                instrument, Side.SELL, new BigDecimal("2000"), new BigDecimal("98.5"), "EUR"));
    return Json.mapper()
        .valueToTree(new ValidatedTrade(new StoredTrade(trade, 9), ValidatedTrade.Change.ACCEPTED))
        .toString();
  }

  @Test
  void valuesATradeFromInstrumentsAndRatesLoadedThroughTheApi() {
    var writer =
        given()
            .auth()
            .oauth2(TestTokens.with(Roles.READER, Roles.REFDATA_WRITER))
            .contentType("text/csv");
    writer
        .body(
            "id,asset_class,currency,price_quotation,contract_multiplier,settlement_days\n"
                + "XS-E1,bond,EUR,percent_of_par,1,2\nXS-E2,bond,NOK,percent_of_par,1,2\n")
        .post("/api/v1/reference/instruments")
        .then()
        .statusCode(200);
    writer
        .body("currency,rate\nEUR,1.10\n")
        .post("/api/v1/reference/fx-rates")
        .then()
        .statusCode(200);
    // SELL 2,000 at 98.5 % of par: 1,970.00 EUR, 2,167.00 USD; Friday + 2 business days
    Send.binary(
            Send.event(
                VALIDATED, "EV-1", "application/json", validatedWithEconomics("EV-1", "XS-E1")))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_ENRICHED.type())
        .body("valuation.settlement_date", equalTo("2026-11-24"))
        .body("valuation.signed_quantity", equalTo(-2000))
        .body("valuation.notional.amount", equalTo(1970.00f))
        .body("valuation.notional.currency", equalTo("EUR"))
        .body("valuation.reporting_notional.amount", equalTo(2167.00f))
        .body("valuation.reporting_notional.currency", equalTo("USD"));
    Send.structured(
            Send.event(
                VALIDATED, "EV-2", "application/json", validatedWithEconomics("EV-2", "XS-NONE")))
        .body("data.reason", equalTo("UNKNOWN_INSTRUMENT"))
        .body("data.location", equalTo("/stored/trade/economics/instrument"));
    Send.structured(
            Send.event(
                VALIDATED, "EV-3", "application/json", validatedWithEconomics("EV-3", "XS-E2")))
        .body("data.reason", equalTo("UNKNOWN_FX_RATE"))
        .body("data.message", containsString("from NOK"));
  }

  @Test
  void binaryModeRepliesEnriched() {
    Send.binary(
            Send.event(VALIDATED, "EB-1", "application/json", validated("EB-1", "CP-E1", "B-E1")))
        .statusCode(200)
        .header("ce-type", EventType.TRADE_ENRICHED.type())
        .body("counterparty.name", equalTo("Acme Bank"))
        .body("book.desk", equalTo("London"));
  }

  @Test
  void structuredModeRejectsUnknownReferenceData() {
    Send.structured(
            Send.event(
                VALIDATED, "ES-1", "application/json", validated("ES-1", "CP-NOBODY", "B-E1")))
        .statusCode(200)
        .body("type", equalTo(EventType.TRADE_REJECTED.type()))
        .body("data.reason", equalTo("UNKNOWN_COUNTERPARTY"));
    Send.structured(
            Send.event(
                VALIDATED, "ES-2", "application/json", validated("ES-2", "CP-E1", "B-NOWHERE")))
        .statusCode(200)
        .body("data.reason", equalTo("UNKNOWN_BOOK"));
  }

  @Test
  void malformedEventsGet400() {
    Send.binary(Send.event(VALIDATED, "EM-1", "application/json", "[1,2]"))
        .statusCode(400)
        .contentType(containsString("application/problem+json"));
    TestTokens.withAllRoles()
        .contentType("application/cloudevents+json")
        .body("{}")
        .post("/")
        .then()
        .statusCode(400)
        .body("detail", containsString("specversion, id, source, type"));
  }

  @Test
  void kafkaPathEnriches() {
    try (TopicProbe enriched = TopicProbe.open(EventType.TRADE_ENRICHED)) {
      Send.kafka(
          Send.event(VALIDATED, "EK-1", "application/json", validated("EK-1", "CP-E1", "B-E1")));
      CloudEvent out = enriched.await(1, e -> "EK-1".equals(e.subject())).get(0);
      assertThat(Json.read(out.data(), EnrichedTrade.class).counterparty().lei())
          .isEqualTo("LEI-E1");
    }
  }

  @Test
  void newReferenceDataIsFollowedLive() {
    Send.kafka(
        new ProducerRecord<>(
            Topic.COUNTERPARTIES.topicName(),
            "CP-LATE",
            Json.write(new Counterparty("CP-LATE", "Late Ltd", null))));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                TestTokens.withAllRoles()
                    .get("/api/v1/reference/counterparties/CP-LATE")
                    .then()
                    .statusCode(200)
                    .body("name", equalTo("Late Ltd")));
    Send.kafka(new ProducerRecord<>(Topic.COUNTERPARTIES.topicName(), "CP-LATE", null));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                TestTokens.withAllRoles()
                    .get("/api/v1/reference/counterparties/CP-LATE")
                    .then()
                    .statusCode(404));
  }

  @Test
  void oddIdsAndOversizedBodiesGetProblemJson() {
    for (String odd : new String[] {"bad id", "-dash", "T".repeat(65), "x<y>"}) {
      problem(
              TestTokens.withAllRoles().get("/api/v1/reference/counterparties/{id}", odd).then(),
              400)
          .body("detail", containsString("id must be 1 to 64"));
      problem(TestTokens.withAllRoles().get("/api/v1/reference/books/{id}", odd).then(), 400);
    }
    problem(
        TestTokens.withAllRoles()
            .body(new byte[2 * 1024 * 1024])
            .post("/api/v1/reference/books")
            .then(),
        413);
    problem(TestTokens.withAllRoles().get("/api/v1/reference/planets").then(), 404);
  }

  @Test
  void readingReferenceDataTakesAReaderToken() {
    problem(given().get("/api/v1/reference/books").then(), 401);
    problem(given().auth().oauth2("not-a-token").get("/api/v1/reference/books/B-E1").then(), 401);
    problem(
        given()
            .auth()
            .oauth2(TestTokens.with(Roles.OPERATOR))
            .get("/api/v1/reference/counterparties")
            .then(),
        403);
    given()
        .auth()
        .oauth2(TestTokens.with(Roles.READER))
        .get("/api/v1/reference/books/B-E1")
        .then()
        .statusCode(200);
  }
}
