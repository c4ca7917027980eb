package dev.tradeflow.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class TradeStoreRestartTest {

  static final int BULK = 50_000;

  @Inject TradeStore store;

  @Test
  void rebuildsStoreFromCompactedTopicAndGivesTheSameAnswers() {
    TestTokens.withAllRoles()
        .body(Trades.json("RS-1", 3, "CP-1", "RS-BOOK", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(201);
    TestTokens.withAllRoles()
        .body(Trades.json("RS-2", 1, "CP-2", "RS-BOOK", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(201);
    TestTokens.withAllRoles()
        .body(Trades.json("RS-2", 1, "CP-3", "RS-BOOK", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(200);
    TestTokens.withAllRoles().delete("/api/v1/trades/RS-1").then().statusCode(204);
    TestTokens.withAllRoles()
        .body(Trades.json("RS-1", 1, "CP-1", "RS-BOOK", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(201);
    writeBulkTrades();
    await().atMost(Duration.ofSeconds(60)).until(() -> store.size() >= BULK + 2);

    String rs1 =
        TestTokens.withAllRoles()
            .get("/api/v1/trades/RS-1")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String rs2 =
        TestTokens.withAllRoles()
            .get("/api/v1/trades/RS-2")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String book =
        TestTokens.withAllRoles().get("/api/v1/trades/book/RS-BOOK").then().extract().asString();
    int size = store.size();

    store.restart();

    TestTokens.withAllRoles()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body(containsString("tradeflow.state.trade-store"));
    TestTokens.withAllRoles()
        .body(Trades.json("RS-3", 1, "CP-1", "RS-BOOK", "2027-05-20"))
        .post("/")
        .then()
        .statusCode(400);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> TestTokens.withAllRoles().get("/q/health/ready").then().statusCode(200));

    assertThat(store.size()).isEqualTo(size);
    assertThat(
            TestTokens.withAllRoles()
                .get("/api/v1/trades/RS-1")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .isEqualTo(rs1);
    assertThat(
            TestTokens.withAllRoles()
                .get("/api/v1/trades/RS-2")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .isEqualTo(rs2);
    assertThat(
            TestTokens.withAllRoles()
                .get("/api/v1/trades/book/RS-BOOK")
                .then()
                .extract()
                .asString())
        .isEqualTo(book);
    // and decides on the rebuilt state: version 1 of RS-2 replaces, a lower one of RS-1 is refused
    TestTokens.withAllRoles()
        .body(Trades.json("RS-2", 0, "CP-3", "RS-BOOK", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(400);
    TestTokens.withAllRoles()
        .body(Trades.json("RS-1", 1, "CP-1", "RS-BOOK", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(200);
  }

  private static void writeBulkTrades() {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                KafkaBrokerResource.broker().bootstrapServers(),
                "linger.ms",
                20),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < BULK; i++) {
        Trade trade =
            new Trade(
                "BULK-" + i,
                1,
                "CP-" + (i % 50),
                "BULK-BOOK",
                LocalDate.of(2027, 1, 1),
                null,
                false,
                null);
        producer.send(
            new ProducerRecord<>(
                Topic.TRADE_STORE.topicName(),
                trade.tradeId(),
                Json.write(new StoredTrade(trade, i + 1))));
      }
      producer.flush();
    }
  }
}
