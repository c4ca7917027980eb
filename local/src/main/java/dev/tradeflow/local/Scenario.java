package dev.tradeflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeflow.cloudevents.EventWatch;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.LimitCrossing;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.ValidatedTrade;
import dev.tradeflow.model.Valuation;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The local run's story, told over a running {@link LocalStack}: day 1 loads reference data and the
 * sample trades and reports every outcome; day 2 restarts validate and expire on the next business
 * day after the samples' maturity, sweeps, and reports the expiries and the aggregates.
 */
public final class Scenario {

  public static final LocalDate DAY_ONE = LocalDate.of(2026, 11, 21);
  public static final LocalDate DAY_TWO = LocalDate.of(2027, 5, 21);
  static final Duration PATIENCE = Duration.ofSeconds(90);

  private final LocalStack stack;
  private final PrintStream out;

  public Scenario(LocalStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  /**
   * The outcomes of day one: validate's decisions, rejections by every stage, and the trades with
   * economics as enrich valued them.
   */
  public record DayOne(
      List<ValidatedTrade> validated,
      List<Rejection> rejections,
      List<EnrichedTrade> valued,
      List<LimitCrossing> breaches) {}

  public DayOne dayOne() {
    Map<String, Object> kafka = stack.kafka().clientConfig();
    try (EventWatch watch =
        EventWatch.fromNow(
            kafka,
            EventType.TRADE_VALIDATED,
            EventType.TRADE_REJECTED,
            EventType.TRADE_ENRICHED,
            EventType.LIMIT_BREACHED)) {
      out.println("\n== Reference data: loaded through enrich's REST API, in bulk");
      SampleData.loadReferenceData(stack).forEach(line -> out.println("   " + line));
      awaitReferenceData();
      out.println(
          "\n== Day 1 (business date "
              + DAY_ONE
              + "): sending "
              + SampleData.TRADES.size()
              + " messages to "
              + EventType.TRADE_RECEIVED.topic().topicName());
      SampleData.TRADES.forEach(s -> out.println("   - " + s.label()));
      SampleData.sendTrades(kafka);
      // validate stores T1, T2, T4, T5, T8 (FIX), T9 (FpML) and the duplicate of T1; five
      // messages are rejected; the FIX cancel then removes T4
      List<CloudEvent> validatedEvents = watch.await(7, Scenario::isValidated, PATIENCE);
      List<CloudEvent> rejectedEvents = watch.await(5, Scenario::isRejected, PATIENCE);
      // T5 (JSON), T8 (FIX) and T9 (FpML) carry economics
      List<CloudEvent> valuedEvents = watch.await(3, Scenario::isValued, PATIENCE);
      // T8 takes CP-2 (limit 1,000,000 USD) to 2,281,743.75 USD
      List<CloudEvent> breachEvents = watch.await(1, Scenario::isBreach, PATIENCE);
      DayOne day =
          new DayOne(
              validatedEvents.stream().map(e -> Json.read(e.data(), ValidatedTrade.class)).toList(),
              rejectedEvents.stream().map(e -> Json.read(e.data(), Rejection.class)).toList(),
              valuedEvents.stream().map(e -> Json.read(e.data(), EnrichedTrade.class)).toList(),
              breachEvents.stream().map(e -> Json.read(e.data(), LimitCrossing.class)).toList());
      report(day);
      return day;
    }
  }

  private void awaitReferenceData() {
    FunctionProcess enrich = stack.function(Function.ENRICH);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (enrich.get("/api/v1/reference/books/B2").statusCode() != 200
        || enrich.get("/api/v1/reference/counterparties/CP-3").statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("enrich did not see the reference data");
      }
      FunctionProcess.sleep(200);
    }
  }

  /** Waits until the aggregates show {@code expected} (as JSON fragments), and returns them. */
  public String aggregatesOnceSettled(List<String> expected) {
    FunctionProcess aggregate = stack.function(Function.AGGREGATE);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = aggregate.get("/api/v1/aggregates").body();
      String current = body;
      if (expected.stream().allMatch(current::contains)) {
        return body;
      }
      FunctionProcess.sleep(250);
    }
    throw new IllegalStateException("aggregates did not settle on " + expected + ": " + body);
  }

  public String dayTwo() {
    out.println(
        "\n== Day 2 (business date "
            + DAY_TWO
            + "): restarting validate and expire on the new date");
    stack.restart(Function.VALIDATE, DAY_TWO);
    stack.restart(Function.EXPIRE, DAY_TWO);
    try (EventWatch watch =
        EventWatch.fromNow(
            stack.kafka().clientConfig(), EventType.TRADE_VALIDATED, EventType.LIMIT_CLEARED)) {
      String sweep = stack.function(Function.EXPIRE).post("/api/v1/expire-trades", "").body();
      out.println("   POST expire /api/v1/expire-trades -> " + sweep);
      // every expiry the sweep announced, not a fixed count: the statistics are read next
      int announced =
          Json.read(sweep.getBytes(StandardCharsets.UTF_8), JsonNode.class).path("expired").asInt();
      List<CloudEvent> expired =
          watch.await(announced, e -> change(e) == ValidatedTrade.Change.EXPIRED, PATIENCE);
      expired.forEach(e -> out.println("   validate flagged " + e.subject() + " expired"));
      // T8 expiring takes CP-2's exposure back under its limit
      for (CloudEvent cleared :
          watch.await(1, e -> e.type().equals(EventType.LIMIT_CLEARED.type()), PATIENCE)) {
        LimitCrossing c = Json.read(cleared.data(), LimitCrossing.class);
        out.printf(
            java.util.Locale.ROOT,
            "   %s: %s's exposure is %,.2f %s, within its limit again (%s expired)%n",
            EventType.LIMIT_CLEARED.type(),
            c.counterpartyId(),
            c.exposure().amount(),
            c.exposure().currency(),
            c.tradeId());
      }
    }
    return stack.function(Function.VALIDATE).get("/api/v1/statistics").body();
  }

  private void report(DayOne day) {
    out.println("\n   validate's decisions:");
    day.validated()
        .forEach(
            v ->
                out.printf(
                    "   %-4s v%d  %-9s book %s, counterparty %s%n",
                    v.trade().tradeId(),
                    v.trade().version(),
                    v.change(),
                    v.trade().bookId(),
                    v.trade().counterpartyId()));
    out.println(
        "\n   valued by enrich (notional = |quantity| x price x multiplier, / 100 if % of par):");
    day.valued().forEach(e -> out.println("   " + describe(e)));
    day.breaches()
        .forEach(
            b ->
                out.printf(
                    java.util.Locale.ROOT,
                    "%n   %s: %s's exposure %,.2f %s is over its limit %,.2f %s, crossed by %s%n",
                    EventType.LIMIT_BREACHED.type(),
                    b.counterpartyId(),
                    b.exposure().amount(),
                    b.exposure().currency(),
                    b.limit().amount(),
                    b.limit().currency(),
                    b.tradeId()));
    out.println("\n   rejections (tradeflow.trade.rejected):");
    day.rejections()
        .forEach(
            r ->
                out.printf(
                    "   %-10s at %-8s %-20s %s%s%n",
                    r.tradeId() == null ? "(none)" : r.tradeId(),
                    r.stage(),
                    r.reason(),
                    r.message(),
                    r.location() == null || r.location().isEmpty()
                        ? ""
                        : " [at " + r.location() + "]"));
  }

  static String describe(EnrichedTrade enriched) {
    Valuation v = enriched.valuation();
    Economics e = enriched.stored().trade().economics();
    return String.format(
        java.util.Locale.ROOT,
        "%-4s %-4s %s %s @ %s %s = %,.2f %s = %,.2f %s, settles %s",
        enriched.stored().tradeId(),
        e.side(),
        e.quantity().toPlainString(),
        v.instrument().id(),
        e.price().toPlainString(),
        v.instrument().priceQuotation().wireName(),
        v.notional().amount(),
        v.notional().currency(),
        v.reportingNotional().amount(),
        v.reportingNotional().currency(),
        v.settlementDate());
  }

  private static boolean isValidated(CloudEvent e) {
    return e.type().equals(EventType.TRADE_VALIDATED.type());
  }

  private static boolean isBreach(CloudEvent e) {
    return e.type().equals(EventType.LIMIT_BREACHED.type());
  }

  /** The instrument the sample market price is for, and that price (T8's shares, GBP). */
  public static final String MARKED_INSTRUMENT = "GB00BH4HKS39";

  public static final String MARKET_PRICE = "74.00";

  /**
   * Positions and exposure as they stand, then a market price from a feed (a {@code
   * tradeflow.price.updated} CloudEvent on its topic) and book B1's P&L once it has moved. Returns
   * B1's P&L answer.
   */
  public String deskView() {
    FunctionProcess aggregate = stack.function(Function.AGGREGATE);
    out.println("\n   positions (GET aggregate /api/v1/positions):");
    out.println("   " + aggregate.get("/api/v1/positions").body());
    out.println("\n   exposure of CP-2 (GET aggregate /api/v1/exposure/counterparty/CP-2):");
    out.println("   " + aggregate.get("/api/v1/exposure/counterparty/CP-2").body());
    String price =
        "{\"instrument\":\"%s\",\"price\":%s,\"time\":\"%s\"}"
            .formatted(MARKED_INSTRUMENT, MARKET_PRICE, java.time.OffsetDateTime.now());
    try (var producer = SampleData.producer(stack.kafka().clientConfig())) {
      producer.send(
          dev.tradeflow.cloudevents.KafkaCloudEvents.toRecord(
              new CloudEvent(
                  java.util.UUID.randomUUID().toString(),
                  "/tradeflow/local/price-feed",
                  EventType.PRICE_UPDATED.type(),
                  MARKED_INSTRUMENT,
                  java.time.OffsetDateTime.now(),
                  "application/json",
                  MARKED_INSTRUMENT,
                  price.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
    out.println(
        "\n   a price feed sends "
            + EventType.PRICE_UPDATED.type()
            + " "
            + price
            + "; B1's P&L (GET aggregate /api/v1/pnl/book/B1):");
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String pnl = aggregate.get("/api/v1/pnl/book/B1").body();
    while (pnl.contains("\"unpriced\":[\"" + MARKED_INSTRUMENT) && System.nanoTime() < deadline) {
      FunctionProcess.sleep(200);
      pnl = aggregate.get("/api/v1/pnl/book/B1").body();
    }
    out.println("   " + pnl);
    return pnl;
  }

  /** Positions after day 2's expiries. */
  public String positions() {
    return stack.function(Function.AGGREGATE).get("/api/v1/positions").body();
  }

  private static boolean isValued(CloudEvent e) {
    return e.type().equals(EventType.TRADE_ENRICHED.type())
        && Json.read(e.data(), EnrichedTrade.class).valuation() != null;
  }

  private static boolean isRejected(CloudEvent e) {
    return e.type().equals(EventType.TRADE_REJECTED.type());
  }

  private static ValidatedTrade.Change change(CloudEvent e) {
    return isValidated(e) ? Json.read(e.data(), ValidatedTrade.class).change() : null;
  }
}
