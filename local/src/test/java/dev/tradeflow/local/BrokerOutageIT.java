package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.cloudevents.TopicTail;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Topic;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away while trades flow through all five packaged functions, and comes back.
 * Readiness goes DOWN and the circuit breaker opens in every function whose writes Kafka refused;
 * once the broker is back, processing resumes; in the end the trade store and the aggregates hold
 * every trade exactly once, at its latest version. Bounded: {@value #TRADES} trades, and every wait
 * has a deadline.
 */
class BrokerOutageIT {

  static final int TRADES = 20_000;
  static final Duration PATIENCE = Duration.ofSeconds(120);
  static final Set<Function> WITH_WORK_IN_FLIGHT =
      EnumSet.of(Function.VALIDATE, Function.ENRICH, Function.AGGREGATE);

  static Path data;
  static LocalStack stack;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    data = Files.createTempDirectory("tradeflow-outage-");
    // the broker must keep its data across the outage
    stack =
        LocalStack.startBroker(repo, data, LocalKafka.freePort(), false)
            .withSettings(
                Map.of(
                    "tradeflow.kafka.send-timeout", "PT3S",
                    "tradeflow.kafka.circuit.delay-ms", "4000"));
    Map<Function, Integer> ports = new EnumMap<>(Function.class);
    for (Function function : Function.values()) {
      ports.put(function, LocalKafka.freePort());
    }
    stack.startFunctions(ports, Scenario.DAY_ONE);
    SampleData.loadReferenceData(stack);
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
      // the functions' logs outlive the run, for a look after a failure
      Path logs = Path.of("target", "outage-logs");
      Files.createDirectories(logs);
      try (var each = Files.list(stack.logDir())) {
        for (Path log : each.toList()) {
          Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    LocalRun.wipe(data);
  }

  @Test
  void aBrokerOutageUnderLoadLosesNothingAndCountsNothingTwice() throws Exception {
    String bootstrap = stack.kafka().bootstrapServers();
    ExecutorService sender = Executors.newSingleThreadExecutor();
    try (KafkaProducer<String, byte[]> producer = patientProducer(bootstrap);
        TopicTail<ConsumerRecord<String, byte[]>> deadLetters =
            TopicTail.records(bootstrap, List.of(Topic.DEAD_LETTER.topicName()))) {
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      for (int i = 0; i < TRADES; i++) {
        sends.add(send(producer, i, 1));
      }
      // stopped while validate is a tenth of the way through the first wave, so it has writes in
      // flight: waiting for aggregate instead let a faster validate finish all of it first
      awaitStoredAtLeast(TRADES / 10);

      stack.stopBroker();
      long stoppedAt = System.nanoTime();
      // more load while the broker is away: every fifth trade moves to book B2 in a version 2
      Future<List<Future<RecordMetadata>>> secondWave =
          sender.submit(
              () -> {
                List<Future<RecordMetadata>> more = new ArrayList<>();
                for (int i = 0; i < TRADES; i += 5) {
                  more.add(send(producer, i, 2));
                  if (i % 100 == 0) {
                    Thread.sleep(10);
                  }
                }
                return more;
              });

      for (Function function : Function.values()) {
        Waits.until(
            function.id() + " readiness DOWN",
            () -> readiness(function).statusCode() == 503,
            Duration.ofSeconds(30));
      }
      mark(stoppedAt, "broker stopped; every function's readiness DOWN");
      // validate always has writes in flight at the stop: parse's output piles up ahead of it
      Waits.until(
          "validate circuit opened",
          () -> circuitOpenings(Function.VALIDATE) >= 1,
          Duration.ofSeconds(60));
      // by now every write in flight at the stop has its answer; a function that had none
      // refused (enrich or aggregate keeping up, idle at the stop) has nothing to open on
      Set<Function> refused = EnumSet.noneOf(Function.class);
      for (Function function : WITH_WORK_IN_FLIGHT) {
        if (refusedWrites(function) > 0) {
          refused.add(function);
          Waits.until(
              function.id() + " circuit opened after Kafka refused its writes",
              () -> circuitOpenings(function) >= 1,
              Duration.ofSeconds(60));
        }
      }
      assertThat(refused).contains(Function.VALIDATE);
      mark(stoppedAt, "circuit opened in every function Kafka refused writes of: " + refused);
      Waits.until(
          "validate refusing a CloudEvent over HTTP while its circuit is open",
          () -> {
            HttpResponse<String> answer = postParsedTrade("OUTAGE-HTTP");
            return answer.statusCode() == 503 && answer.body().contains("circuit");
          },
          Duration.ofSeconds(30));

      mark(stoppedAt, "validate answered 503 over HTTP, circuit open");
      // a trial while the broker is still away fails, and the breaker opens again
      Waits.until(
          "validate's circuit opening again after a failed trial",
          () -> circuitOpenings(Function.VALIDATE) >= 2,
          Duration.ofSeconds(30));
      mark(stoppedAt, "validate's circuit opened again after a failed trial");
      stack.restartBroker();
      mark(stoppedAt, "broker restarted");
      for (Function function : Function.values()) {
        Waits.until(
            function.id() + " ready again",
            () -> readiness(function).statusCode() == 200,
            PATIENCE);
      }
      mark(stoppedAt, "every function ready again");
      sends.addAll(secondWave.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      for (Future<RecordMetadata> sent : sends) {
        sent.get(PATIENCE.toSeconds(), TimeUnit.SECONDS); // the broker has every trade sent
      }

      Map<String, Long> expected = expectedLiveTrades();
      String aggregates = awaitAggregates(expected);
      for (Map.Entry<String, Long> count : expected.entrySet()) {
        assertThat(aggregates)
            .contains(count.getKey() + "\",\"live_trades\":" + count.getValue() + ",");
      }
      mark(stoppedAt, "aggregates exact: " + expected);
      FunctionProcess validate = stack.function(Function.VALIDATE);
      assertThat(validate.get("/api/v1/statistics").body()).contains("\"trades\":" + TRADES + ",");
      assertThat(validate.get("/api/v1/trades/OUT-5").body()).contains("\"version\":2");
      assertThat(validate.get("/api/v1/trades/OUT-6").body()).contains("\"version\":1");
      for (Function function : WITH_WORK_IN_FLIGHT) {
        Waits.until(
            function.id() + " circuit closed",
            () -> circuitState(function, "closed"),
            Duration.ofSeconds(30));
      }
      assertThat(deadLetters.drain(Duration.ofSeconds(1))).as("nothing dead-lettered").isEmpty();
    } finally {
      sender.shutdownNow();
    }
  }

  /** OUT-i: version 1 in book B1 with CP-(1 + i % 3); every fifth moves to B2 and the next CP. */
  static Future<RecordMetadata> send(KafkaProducer<String, byte[]> producer, int i, int version) {
    String id = "OUT-" + i;
    String json =
        version == 1
            ? SampleData.trade(id, 1, "CP-" + (1 + i % 3), "B1", "2027-05-20")
            : SampleData.trade(id, 2, "CP-" + (1 + (i + 1) % 3), "B2", "2027-05-20");
    return producer.send(
        new ProducerRecord<>(
            Topic.TRADE_RECEIVED.topicName(), id, json.getBytes(StandardCharsets.UTF_8)));
  }

  /** Live trades per aggregate id, worked out from what was sent. */
  static Map<String, Long> expectedLiveTrades() {
    Map<String, Long> live = new TreeMap<>();
    for (int i = 0; i < TRADES; i++) {
      boolean moved = i % 5 == 0;
      live.merge(moved ? "B2" : "B1", 1L, Long::sum);
      live.merge("CP-" + (1 + (moved ? (i + 1) % 3 : i % 3)), 1L, Long::sum);
    }
    return live;
  }

  static String awaitAggregates(Map<String, Long> expected) {
    String[] body = {""};
    Waits.until(
        "aggregates " + expected,
        () -> {
          body[0] = stack.function(Function.AGGREGATE).get("/api/v1/aggregates").body();
          return expected.entrySet().stream()
              .allMatch(
                  e -> body[0].contains(e.getKey() + "\",\"live_trades\":" + e.getValue() + ","));
        },
        PATIENCE);
    return body[0];
  }

  static void awaitStoredAtLeast(int count) {
    Waits.until(
        "validate storing at least " + count + " trades",
        () -> {
          String body = stack.function(Function.VALIDATE).get("/api/v1/statistics").body();
          int at = body.indexOf("\"trades\":");
          if (at < 0) {
            return false;
          }
          String digits = body.substring(at + 9).replaceAll("[^0-9].*", "");
          return Integer.parseInt(digits) >= count;
        },
        PATIENCE);
  }

  static HttpResponse<String> readiness(Function function) {
    return stack.function(function).get("/q/health/ready");
  }

  static boolean circuitState(Function function, String state) {
    String metrics = stack.function(function).get("/q/metrics").body();
    return Scrape.metric(metrics, "tradeflow_circuit_state", "state=\"" + state + "\"") == 1.0;
  }

  /** How often the breaker has opened: a counter, so a short open spell is not missed. */
  static double circuitOpenings(Function function) {
    String metrics = stack.function(function).get("/q/metrics").body();
    return Scrape.metric(metrics, "ft_circuitbreaker_opened_total", "KafkaWrites");
  }

  /**
   * How often a guarded write step failed: a refused wait, or a batch refused in flight (counted
   * through the same step). Zero for a function that had nothing in flight.
   */
  static double refusedWrites(Function function) {
    String metrics = stack.function(function).get("/q/metrics").body();
    return Math.max(0, Scrape.metric(metrics, "ft_invocations_total", "exceptionThrown"));
  }

  static HttpResponse<String> postParsedTrade(String id) throws Exception {
    FunctionProcess validate = stack.function(Function.VALIDATE);
    HttpRequest request =
        HttpRequest.newBuilder(validate.url("/"))
            .timeout(Duration.ofSeconds(30))
            .header("ce-specversion", "1.0")
            .header("ce-id", "outage-" + System.nanoTime())
            .header("ce-source", "/tests/outage")
            .header("ce-type", EventType.TRADE_PARSED.type())
            .header("ce-subject", id)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    SampleData.trade(id, 1, "CP-1", "B1", "2027-05-20")
                        .replace("counter_party_id", "counterparty_id")))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A producer that rides out the outage: it keeps each record until the broker takes it. */
  static KafkaProducer<String, byte[]> patientProducer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "acks",
            "all",
            "enable.idempotence",
            true,
            "delivery.timeout.ms",
            300_000,
            "request.timeout.ms",
            5_000,
            "max.block.ms",
            300_000),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  static void mark(long since, String what) {
    System.out.printf("outage +%.1f s: %s%n", (System.nanoTime() - since) / 1e9, what);
  }
}
