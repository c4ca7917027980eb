package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.broker.KafkaUser;
import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.LatencyTarget;
import dev.tradeflow.events.Topic;
import dev.tradeflow.issuer.LocalIssuer;
import dev.tradeflow.model.LimitCrossing;
import dev.tradeflow.model.Money;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Roles;
import dev.tradeflow.model.Stage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample trades through all five packaged functions over a real broker, to the aggregates; then
 * the next business day's expiry sweep through validate, enrich and aggregate.
 *
 * <p>The broker takes only SASL (SCRAM-SHA-512) over TLS, as a production cluster does: the
 * functions get their credentials in {@code KAFKA_*} environment variables, as a Knative Service
 * gets them from its Secret, and the local tools that send the trades and watch the events log in
 * too. The last tests restart validate with a wrong password (not ready, saying why; nothing lost
 * once the password is right again) and check that no function logged a password.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {

  static final KafkaUser USER = new KafkaUser("tradeflow", "right-" + UUID.randomUUID());
  static final KafkaUser WRONG = new KafkaUser("tradeflow", "wrong-" + UUID.randomUUID());
  static final Duration PATIENCE = Duration.ofSeconds(120);

  /** Validate, enrich and aggregate each run as two instances of one consumer group. */
  static final int INSTANCES = 2;

  static LocalStack stack;
  static Scenario scenario;
  static final ByteArrayOutputStream report = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path data = Files.createTempDirectory("tradeflow-e2e-");
    stack =
        LocalStack.startSecuredBroker(
            repo, data, LocalKafka.freePort(), LocalKafka.freePort(), USER, true);
    stack.withInstances(INSTANCES).startFunctionsOnFreePorts(Scenario.DAY_ONE);
    scenario = new Scenario(stack, new PrintStream(report, true));
  }

  @AfterAll
  static void stop() {
    System.out.println(report);
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void sampleTradesReachTheAggregatesWithEveryRejectionExplained() {
    Scenario.DayOne day = scenario.dayOne();
    assertThat(day.validated())
        .extracting(v -> v.trade().tradeId() + " v" + v.trade().version() + " " + v.change())
        .containsExactlyInAnyOrder(
            "T1 v1 ACCEPTED",
            "T2 v2 ACCEPTED",
            "T4 v1 ACCEPTED",
            "T5 v1 ACCEPTED",
            "T8 v1 ACCEPTED",
            "T9 v1 ACCEPTED",
            "T1 v1 REPLACED");
    assertThat(day.rejections())
        .extracting(r -> r.tradeId() + " " + r.stage() + " " + r.reason())
        .containsExactlyInAnyOrder(
            "T2 VALIDATE LOWER_VERSION",
            "T3 VALIDATE MATURITY_IN_PAST",
            "T4 ENRICH UNKNOWN_COUNTERPARTY",
            "T6 PARSE INVALID_FIELD",
            "null PARSE MALFORMED_PAYLOAD");
    Rejection badVersion =
        day.rejections().stream().filter(r -> "T6".equals(r.tradeId())).findFirst().orElseThrow();
    assertThat(badVersion.location()).isEqualTo("/1/version");
    assertThat(badVersion.originalPayload()).contains("\"version\":\"one\"");
    Rejection garbage =
        day.rejections().stream()
            .filter(r -> r.stage() == Stage.PARSE && r.reason() == RejectReason.MALFORMED_PAYLOAD)
            .findFirst()
            .orElseThrow();
    assertThat(garbage.originalPayload()).isEqualTo("{\"trade_id\": \"T7\", oops");
    // valued with the instruments and FX rates loaded through enrich's REST API
    assertThat(day.valued())
        .extracting(Scenario::describe)
        .containsExactlyInAnyOrder(
            "T5   BUY  5000000 XS0000000005 @ 101.25 percent_of_par = 5,062,500.00 EUR"
                + " = 5,480,156.25 USD, settles 2026-11-24",
            "T8   BUY  25000 GB00BH4HKS39 @ 72.15 per_unit = 1,803,750.00 GBP"
                + " = 2,281,743.75 USD, settles 2026-11-24",
            "T9   BUY  2000000 EUR/USD @ 1.0905 per_unit = 2,181,000.00 USD"
                + " = 2,181,000.00 USD, settles 2026-11-24");
    // T8 took CP-2 over its 1,000,000 USD limit: announced once
    assertThat(day.breaches())
        .containsExactly(
            new LimitCrossing(
                "CP-2",
                new Money(new BigDecimal("1000000.00"), "USD"),
                new Money(new BigDecimal("2281743.75"), "USD"),
                "T8"));
  }

  @Test
  @Order(2)
  void aggregatesCountEachTradeOnceDespiteTheDuplicate() {
    String aggregates = scenario.aggregatesOnceSettled(LocalRun.DAY_ONE_AGGREGATES);
    assertThat(aggregates)
        .contains("\"dimension\":\"COUNTERPARTY\",\"id\":\"CP-1\",\"live_trades\":2")
        .contains("\"dimension\":\"COUNTERPARTY\",\"id\":\"CP-2\",\"live_trades\":2")
        .doesNotContain("CP-9");
    // T8 came as FIX and T9 as FpML; the venue's FIX cancel took T4 out of the store
    assertThat(stack.function(Function.VALIDATE).get("/api/v1/trades/T8").body())
        .contains("\"counterparty_id\":\"CP-2\"");
    assertThat(stack.function(Function.VALIDATE).get("/api/v1/trades/T9").body())
        .contains("\"maturity_date\":\"2027-09-17\"");
    assertThat(stack.function(Function.VALIDATE).get("/api/v1/trades/T4").statusCode())
        .isEqualTo(404);
    assertThat(stack.function(Function.VALIDATE).get("/api/v1/trades/T2").body())
        .contains("\"version\":2")
        .contains("\"counterparty_id\":\"CP-2\"");
  }

  @Test
  @Order(3)
  void positionsAndPnlMoveWithAMarketPrice() {
    // 25,000 × (74.00 − 72.15) × 1 = 46,250.00 GBP; × 1.2650 = 58,506.25 USD
    assertThat(scenario.deskView())
        .contains("\"pnl\":{\"amount\":58506.25,\"currency\":\"USD\"}")
        .contains("\"unpriced\":[]");
    assertThat(stack.function(Function.AGGREGATE).get("/api/v1/positions/book/B1").body())
        .contains("\"instrument\":\"GB00BH4HKS39\"")
        .contains("\"quantity\":25000")
        .contains("\"market_value\":{\"amount\":1850000.00,\"currency\":\"GBP\"}");
    assertThat(stack.function(Function.AGGREGATE).get("/api/v1/exposure/counterparty/CP-2").body())
        .contains("\"over_limit\":true");
  }

  @Test
  @Order(4)
  void nextBusinessDayExpiresMaturedTradesThroughThePipeline() {
    String statistics = scenario.dayTwo();
    // T4 was cancelled; of T1, T2, T5, T8 and T9 only T9 (value date 2027-09-17) is still live
    assertThat(statistics)
        .contains("\"trades\":5")
        .contains("\"expired\":4")
        .contains("\"live\":1");
    scenario.aggregatesOnceSettled(LocalRun.DAY_TWO_AGGREGATES);
    assertThat(stack.function(Function.VALIDATE).get("/api/v1/trades/T1").body())
        .contains("\"expired\":true");
    String audit = stack.function(Function.VALIDATE).get("/api/v1/audit-logs?trade_id=T1").body();
    assertThat(audit).contains("\"action\":\"EXPIRED\"");
    // the expiries took T5 and T8 out of the positions; T9 is still live
    assertThat(scenario.positions())
        .contains("\"instrument\":\"EUR/USD\"")
        .doesNotContain("GB00BH4HKS39")
        .doesNotContain("XS0000000005");
  }

  /**
   * Two instances of each stateful function share its input partitions out between them (every
   * partition handled, none twice), and each holds the whole state: either answers the same.
   */
  @Test
  @Order(5)
  void twoInstancesShareTheInputAndEachHoldsTheWholeState() {
    for (Function function : LocalStack.SCALABLE) {
      List<FunctionProcess> instances = stack.instancesOf(function);
      assertThat(instances).as(function.id()).hasSize(INSTANCES);
      List<Integer> shares = instances.stream().map(FunctionProcess::inputPartitions).toList();
      assertThat(shares).as(function.id() + " partitions per instance").doesNotContain(0);
      assertThat(shares.stream().mapToInt(Integer::intValue).sum())
          .as(function.id() + " partitions in all")
          .isEqualTo(LocalKafka.inputPartitions(function));
    }
    assertSameAnswer(Function.VALIDATE, "/api/v1/trades?size=500");
    assertSameAnswer(Function.ENRICH, "/api/v1/reference/instruments");
    assertSameAnswer(Function.AGGREGATE, "/api/v1/aggregates");
    assertSameAnswer(Function.AGGREGATE, "/api/v1/positions");
    assertSameAnswer(Function.AGGREGATE, "/api/v1/exposure/counterparty/CP-2");
  }

  /**
   * Every instance of {@code function} answers {@code path} alike, within a few seconds: what one
   * instance wrote reaches the others' state through their followers, up to {@code
   * tradeflow.kafka.follower-fetch-wait} later.
   */
  static void assertSameAnswer(Function function, String path) {
    List<FunctionProcess> instances = stack.instancesOf(function);
    Waits.until(
        function.id() + " " + path + " answered alike by every instance",
        () -> instances.stream().map(p -> p.get(path).body()).distinct().count() == 1,
        Duration.ofSeconds(10));
    String first = instances.get(0).get(path).body();
    assertThat(first).as(function.id() + " " + path).isNotBlank();
    for (FunctionProcess other : instances.subList(1, instances.size())) {
      assertThat(other.get(path).body()).as(function.id() + " " + path).isEqualTo(first);
    }
  }

  /** A counter summed over every instance of the function. */
  static double summed(Function function, String metric, String tag) {
    return stack.instancesOf(function).stream()
        .mapToDouble(p -> Math.max(0, Scrape.metric(p.get("/q/metrics").body(), metric, tag)))
        .sum();
  }

  @Test
  @Order(6)
  void everyFunctionsMetricsExistAndMoved() {
    for (Function function : Function.values()) {
      // every instance's scrape: an instance whose partitions got no trade has no histogram yet
      String metrics =
          stack.instancesOf(function).stream()
              .map(p -> p.get("/q/metrics").body())
              .collect(Collectors.joining("\n"));
      String tag = "function=\"" + function.id() + "\"";
      assertThat(summed(function, "tradeflow_events_in_total", tag)).as(function.id()).isPositive();
      assertThat(summed(function, "tradeflow_processing_seconds_count", tag)).isPositive();
      assertThat(metrics)
          .as(function.id() + " latency histogram and percentiles")
          .contains("tradeflow_processing_seconds_bucket{")
          .contains("quantile=\"0.5\"")
          .contains("quantile=\"0.95\"")
          .contains("quantile=\"0.99\"");
      assertThat(metrics)
          .as(function.id() + " consumer lag")
          .contains("kafka_consumer_fetch_manager_records_lag");
    }
    String aggregate = stack.function(Function.AGGREGATE).get("/q/metrics").body();
    // received to aggregated: the end-to-end latency, measured where the trade ends up
    assertThat(
            summed(
                Function.AGGREGATE,
                "tradeflow_since_received_seconds_count",
                "function=\"aggregate\""))
        .isPositive();
    assertThat(aggregate)
        .contains("tradeflow_since_received_seconds{")
        .contains("quantile=\"0.99\"");
    // a bucket bound at each latency target, so the share within it is counted, not estimated
    LatencyHistogram endToEnd = LatencyHistogram.parse(aggregate);
    for (LatencyTarget target : LatencyTarget.values()) {
      assertThat(endToEnd.shareWithin(target)).as("share within " + target).isBetween(0.0, 1.0);
    }
    String validate = stack.function(Function.VALIDATE).get("/q/metrics").body();
    assertThat(Scrape.metric(validate, "tradeflow_state_entries", "tradeflow.state.trade-store"))
        .isPositive();
    assertThat(validate).contains("tradeflow_state_rebuild_seconds");
    for (Function function : Function.values()) {
      String metrics = stack.function(function).get("/q/metrics").body();
      // the circuit breaker on Kafka writes: closed, after a run with Kafka up throughout
      assertThat(Scrape.metric(metrics, "tradeflow_circuit_state", "state=\"closed\""))
          .as(function.id() + " circuit closed")
          .isEqualTo(1.0);
      assertThat(Scrape.metric(metrics, "tradeflow_circuit_state", "state=\"open\"")).isZero();
    }
  }

  /** The packaged functions take the local issuer's tokens, with the right role, and no others. */
  @Test
  @Order(7)
  void theRestApisTakeTheLocalIssuersTokensWithTheRightRoleOnly() throws Exception {
    String reader = stack.issuer().token("e2e-reader", List.of(Roles.READER));
    String writer = stack.issuer().token("e2e-writer", List.of(Roles.TRADE_WRITER));
    String stranger = LocalIssuer.generate().token("e2e-stranger", Roles.ALL);
    Map<Function, String> reads =
        Map.of(
            Function.VALIDATE, "/api/v1/statistics",
            Function.ENRICH, "/api/v1/reference/books",
            Function.AGGREGATE, "/api/v1/aggregates");
    for (Map.Entry<Function, String> read : reads.entrySet()) {
      FunctionProcess function = stack.function(read.getKey());
      assertThat(status(function, read.getValue(), null)).as(read + " no token").isEqualTo(401);
      assertThat(status(function, read.getValue(), stranger)).as(read + " forged").isEqualTo(401);
      assertThat(status(function, read.getValue(), writer)).as(read + " wrong role").isEqualTo(403);
      assertThat(status(function, read.getValue(), reader)).as(read + " reader").isEqualTo(200);
    }
  }

  /**
   * Validate restarted with a wrong Kafka password stays not ready and its readiness names the
   * failed SCRAM authentication; trades sent meanwhile wait in Kafka, and once validate has the
   * right password again each is processed once.
   */
  @Test
  @Order(8)
  void aWrongKafkaPasswordKeepsValidateNotReadySayingWhyAndLosesNothing() throws Exception {
    assertThat(stack.kafka().clientConfig())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    int before = liveTradesInBook("B2");
    stack.restartAs(WRONG, Function.VALIDATE, Scenario.DAY_TWO);
    Waits.until(
        "validate's readiness naming the failed authentication",
        () -> {
          HttpResponse<String> ready = readiness(Function.VALIDATE);
          return ready.statusCode() == 503
              && ready.body().contains("Authentication failed")
              && ready.body().contains("SCRAM-SHA-512");
        },
        PATIENCE);
    try (KafkaProducer<String, byte[]> producer =
        SampleData.producer(stack.kafka().clientConfig())) {
      for (int i = 0; i < WHILE_REFUSED; i++) {
        String id = "SEC-" + i;
        String json = SampleData.trade(id, 1, "CP-" + (1 + i % 3), "B2", "2028-01-20");
        producer.send(
            new ProducerRecord<>(
                Topic.TRADE_RECEIVED.topicName(), id, json.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
    for (int probe = 0; probe < 10; probe++) {
      assertThat(readiness(Function.VALIDATE).statusCode())
          .as("validate stays not ready")
          .isEqualTo(503);
      FunctionProcess.sleep(500);
    }
    assertThat(liveTradesInBook("B2")).as("nothing got past validate").isEqualTo(before);

    stack.restart(Function.VALIDATE, Scenario.DAY_TWO);
    Waits.until(
        "B2 counting the trades sent while validate could not log in",
        () -> liveTradesInBook("B2") == before + WHILE_REFUSED,
        PATIENCE);
    assertThat(stack.function(Function.VALIDATE).get("/api/v1/statistics").body())
        .contains("\"trades\":" + (5 + WHILE_REFUSED) + ",");
  }

  /** The passwords went to every function, and to validate a wrong one: no log holds either. */
  @Test
  @Order(9)
  void noFunctionLogsAKafkaPassword() throws Exception {
    for (FunctionProcess instance :
        Stream.of(Function.values()).flatMap(f -> stack.instancesOf(f).stream()).toList()) {
      Path log = instance.log();
      String text = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(text).as(log + " was written").contains("started in");
      assertThat(text).as(log + " has no password").doesNotContain(USER.password());
      assertThat(text).as(log + " has no password").doesNotContain(WRONG.password());
    }
  }

  static final int WHILE_REFUSED = 100;

  static HttpResponse<String> readiness(Function function) {
    return stack.function(function).get("/q/health/ready");
  }

  static int liveTradesInBook(String book) {
    String body = stack.function(Function.AGGREGATE).get("/api/v1/aggregates/book/" + book).body();
    int at = body.indexOf("\"live_trades\":");
    return at < 0 ? 0 : Integer.parseInt(body.substring(at + 14).replaceAll("[^0-9].*", ""));
  }

  static int status(FunctionProcess function, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(function.url(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static final HttpClient HTTP = HttpClient.newHttpClient();
}
