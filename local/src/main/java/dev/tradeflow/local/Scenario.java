package dev.tradeflow.local;

import dev.tradeflow.cloudevents.EventWatch;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.ValidatedTrade;
import dev.tradeflow.model.Valuation;
import java.io.PrintStream;
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
      List<ValidatedTrade> validated, List<Rejection> rejections, List<EnrichedTrade> valued) {}

  public DayOne dayOne() {
    Map<String, Object> kafka = stack.kafka().clientConfig();
    try (EventWatch watch =
        EventWatch.fromNow(
            kafka, EventType.TRADE_VALIDATED, EventType.TRADE_REJECTED, EventType.TRADE_ENRICHED)) {
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
      DayOne day =
          new DayOne(
              validatedEvents.stream().map(e -> Json.read(e.data(), ValidatedTrade.class)).toList(),
              rejectedEvents.stream().map(e -> Json.read(e.data(), Rejection.class)).toList(),
              valuedEvents.stream().map(e -> Json.read(e.data(), EnrichedTrade.class)).toList());
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
        EventWatch.fromNow(stack.kafka().clientConfig(), EventType.TRADE_VALIDATED)) {
      String sweep = stack.function(Function.EXPIRE).post("/api/v1/expire-trades", "").body();
      out.println("   POST expire /api/v1/expire-trades -> " + sweep);
      List<CloudEvent> expired =
          watch.await(3, e -> change(e) == ValidatedTrade.Change.EXPIRED, PATIENCE);
      expired.forEach(e -> out.println("   validate flagged " + e.subject() + " expired"));
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
