package dev.tradeflow.aggregate;

import static dev.tradeflow.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.AssetClass;
import dev.tradeflow.model.CounterpartyLimit;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.FxRate;
import dev.tradeflow.model.Instrument;
import dev.tradeflow.model.LimitCrossing;
import dev.tradeflow.model.PositionView;
import dev.tradeflow.model.PriceQuotation;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Trade;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.Send;
import dev.tradeflow.testing.TestTokens;
import dev.tradeflow.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Positions, exposure, P&L and limits over a real broker: trades as enriched CloudEvents (HTTP both
 * modes and Kafka), prices as CloudEvents, limits and FX rates on enrich's topics.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class PositionsAndLimitsTest {

  static String enriched(
      String id, String cp, Side side, String quantity, String price, long revision) {
    Trade trade =
        new Trade(
            id,
            1,
            cp,
            "PL-BOOK",
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2026, 11, 20),
            false,
            new dev.tradeflow.model.Economics(
                "PL-BUND", side, new BigDecimal(quantity), new BigDecimal(price), "EUR"));
    EnrichedTrade enriched =
        FoldPropertyTest.enriched(
            trade,
            revision,
            new Instrument(
                "PL-BUND",
                AssetClass.BOND,
                "EUR",
                PriceQuotation.PERCENT_OF_PAR,
                BigDecimal.ONE,
                2));
    return new String(Json.write(enriched), java.nio.charset.StandardCharsets.UTF_8);
  }

  static String price(String price, String time) {
    return "{\"instrument\":\"PL-BUND\",\"price\":" + price + ",\"time\":\"" + time + "\"}";
  }

  @Test
  void positionsExposureAndPnlFollowTradesPricesAndLimits() {
    Send.kafka(
        new ProducerRecord<>(
            Topic.LIMITS.topicName(),
            "PL-CP",
            Json.write(new CounterpartyLimit("PL-CP", new BigDecimal("1000000")))));
    Send.kafka(
        new ProducerRecord<>(
            Topic.FX_RATES.topicName(),
            "EUR",
            Json.write(new FxRate("EUR", new BigDecimal("1.1")))));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                TestTokens.withAllRoles()
                    .get("/api/v1/exposure/counterparty/PL-CP")
                    .then()
                    .body("limit.amount", equalTo(1000000.00f)));
    try (TopicProbe limits = TopicProbe.open(EventType.LIMIT_BREACHED);
        TopicProbe positions = TopicProbe.open(EventType.POSITION_UPDATED)) {
      // BUY 600,000 at 99.50 % of par: 597,000.00 EUR, 656,700.00 USD; under the limit
      Send.binary(
              Send.event(
                  EventType.TRADE_ENRICHED.type(),
                  "PL-1",
                  "application/json",
                  enriched("PL-1", "PL-CP", Side.BUY, "600000", "99.50", 1)))
          .statusCode(202);
      // SELL 400,000 at 100.25: 401,000.00 EUR, 441,100.00 USD; gross 1,097,800.00 USD: over
      CloudEvent crossing =
          Send.event(
              EventType.TRADE_ENRICHED.type(),
              "PL-2",
              "application/json",
              enriched("PL-2", "PL-CP", Side.SELL, "400000", "100.25", 2));
      Send.structured(crossing).statusCode(202);
      Send.structured(crossing).statusCode(204); // a duplicate: nothing moves, no second breach
      Send.kafka(crossing); // and once more, by Kafka

      List<CloudEvent> breaches = limits.await(1, e -> "PL-CP".equals(e.subject()));
      LimitCrossing breach = Json.read(breaches.get(0).data(), LimitCrossing.class);
      assertThat(breaches.get(0).type()).isEqualTo(EventType.LIMIT_BREACHED.type());
      assertThat(breach.tradeId()).isEqualTo("PL-2");
      assertThat(breach.exposure().amount()).isEqualByComparingTo("1097800.00");
      assertThat(breach.limit().amount()).isEqualByComparingTo("1000000");

      TestTokens.withAllRoles()
          .get("/api/v1/exposure/counterparty/PL-CP")
          .then()
          .body("gross.amount", equalTo(1097800.00f))
          .body("gross.currency", equalTo("USD"))
          .body("trades", equalTo(2))
          .body("utilisation_percent", equalTo(109.78f))
          .body("over_limit", equalTo(true));
      TestTokens.withAllRoles()
          .get("/api/v1/positions?book=PL-BOOK")
          .then()
          .body("$", hasSize(1))
          .body("[0].quantity", equalTo(200000))
          .body("[0].cost.amount", equalTo(196000.00f))
          .body("[0].cost.currency", equalTo("EUR"));

      // a price re-marks the position: 200,000 × 101.00 % = 202,000.00; P&L 6,000.00 EUR
      Send.structured(
              Send.event(
                  EventType.PRICE_UPDATED.type(),
                  "PL-BUND",
                  "application/json",
                  price("101.00", "2026-11-21T10:00:00Z")))
          .statusCode(200)
          .body("type", equalTo(EventType.POSITION_UPDATED.type()))
          .body("data.pnl.amount", equalTo(6000.00f));
      // an older price is ignored
      Send.binary(
              Send.event(
                  EventType.PRICE_UPDATED.type(),
                  "PL-BUND",
                  "application/json",
                  price("90.00", "2026-11-21T09:00:00Z")))
          .statusCode(204);
      TestTokens.withAllRoles()
          .get("/api/v1/pnl/book/PL-BOOK")
          .then()
          .body("pnl.amount", equalTo(6600.00f))
          .body("pnl.currency", equalTo("USD"))
          .body("positions", equalTo(1));

      // the sale is deleted: exposure back under the limit, cleared once
      Send.binary(
              Send.event(
                  EventType.TRADE_DELETED.type(),
                  "PL-2",
                  "application/json",
                  "{\"trade_id\":\"PL-2\",\"revision\":3}"))
          .statusCode(202);
      // one breach, then one clearance: the duplicates announced nothing
      List<CloudEvent> crossings =
          limits.await(2, e -> "PL-CP".equals(e.subject()), Duration.ofSeconds(20));
      assertThat(crossings)
          .extracting(CloudEvent::type)
          .containsExactly(EventType.LIMIT_BREACHED.type(), EventType.LIMIT_CLEARED.type());
      assertThat(Json.read(crossings.get(1).data(), LimitCrossing.class).exposure().amount())
          .isEqualByComparingTo("656700.00");
      PositionView last =
          Json.read(
              positions
                  .await(
                      1,
                      e ->
                          e.subject().equals("PL-BOOK:PL-BUND")
                              && e.data().length > 0
                              && Json.read(e.data(), PositionView.class).trades() == 1)
                  .get(0)
                  .data(),
              PositionView.class);
      assertThat(last.quantity()).isEqualByComparingTo("600000");
    }
  }

  @Test
  void badPricesGet400AndChangeNothing() {
    problem(
            Send.binary(
                Send.event(
                    EventType.PRICE_UPDATED.type(),
                    "x",
                    "application/json",
                    "{\"instrument\":\"PL-X\",\"price\":-1,\"time\":\"2026-11-21T10:00:00Z\"}")),
            400)
        .body("detail", containsString("greater than zero"));
    problem(
            Send.binary(
                Send.event(
                    EventType.PRICE_UPDATED.type(),
                    "x",
                    "application/json",
                    "{\"instrument\":\"PL-X\",\"price\":5}")),
            400)
        .body("detail", containsString("needs its time"));
    problem(
        Send.binary(Send.event(EventType.PRICE_UPDATED.type(), "x", "application/json", "[]")),
        400);
    problem(TestTokens.withAllRoles().get("/api/v1/positions/book/bad%20book").then(), 400);
  }
}
