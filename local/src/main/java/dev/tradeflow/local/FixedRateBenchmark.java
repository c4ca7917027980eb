package dev.tradeflow.local;

import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.LatencyTarget;
import dev.tradeflow.events.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * An open-loop load through tradeflow's five functions: trades are sent on a fixed schedule,
 * whatever the pipeline does, for a bounded time at each rate given. Latency is per trade, from
 * parse taking it ({@code tradeflowreceived}) to aggregate applying it, as aggregate measures it
 * ({@code tradeflow_since_received_seconds}; its events announce each aggregate once per poll
 * batch, so they no longer carry one latency per trade). Prints p50, p99, p99.9 and max per rate,
 * the share of trades within each {@link LatencyTarget} (10 and 50 ms, counted at their own bucket
 * bounds), how busy the machine's cores were while the rate was sent, and the rates whose p99
 * stayed within each target. A warm-up at 200/s comes first ({@code --warm-up S}, default 180 s):
 * the functions' JIT compilers are still busy for two to three minutes after the first trades.
 *
 * <p>Then, on the same broker with the functions stopped, the baselines: the plain relay, and the
 * relay on tradeflow's connector ({@link RelayShape}), each through as many hops as that span
 * crosses topics (parsed, validated, enriched), its producers lingering 1 ms as tradeflow's do, at
 * the same rates after a warm-up of its own. A relay's latency is from sending a trade (the load
 * does not linger) to its append on the last hop's topic, counted in aggregate's buckets, so the
 * tables read alike; by hop, to each earlier hop sending it on (the timestamp its producer gave the
 * record). Run it with {@code ./tradeflow bench-pipeline --rate R[,R...] --duration S}.
 */
public final class FixedRateBenchmark {

  static final Duration TICK = Duration.ofMillis(5);

  /**
   * How long the relay's producers linger when {@code --linger-ms} is not given: 1 ms, as
   * tradeflow's do by default ({@code tradeflow.kafka.linger-ms}).
   */
  static final int RELAY_LINGER_MS = 1;

  /**
   * The default baselines ({@code --baselines interval,connector}), one after the other: the plain
   * relay (what hops cost on this broker), and the relay on tradeflow's connector (what they cost
   * on the connector the functions read with).
   */
  static final List<RelayShape> BASELINES = List.of(RelayShape.INTERVAL, RelayShape.CONNECTOR);

  /** The relay's warm-up at 200/s, at most: a hop compiles little. */
  static final Duration RELAY_WARM_UP = Duration.ofSeconds(60);

  /** The functions whose latency since parse is read; the last one's is the end to end. */
  static final List<Function> STAGES =
      List.of(Function.VALIDATE, Function.ENRICH, Function.AGGREGATE);

  /**
   * The relay's hops: one per topic between parse taking a trade and aggregate taking it (parsed,
   * validated, enriched), so one per stage.
   */
  static final int RELAY_HOPS = STAGES.size();

  private static final String RATE_TABLE =
      "\n| rate | trades | p50 | p99 | p99.9 | max | within 10 ms | within 50 ms | CPU busy (all"
          + " cores) |\n|---|---|---|---|---|---|---|---|---|";

  private FixedRateBenchmark() {}

  /**
   * One rate's outcome: for each of {@link #STAGES}, the latencies from parse taking a trade to
   * that function taking it; the last stage's are the end to end. Latencies in milliseconds. The
   * CPU per trade is each process's ({@link ProcessCpu#perTrade}) from the first trade sent until
   * the last one was taken.
   */
  record RateRun(
      int rate, int sent, double cpuBusy, List<LatencyHistogram> stages, String cpuPerTrade) {
    LatencyHistogram endToEnd() {
      return stages.getLast();
    }

    /** At least 99 % of the trades within {@code target}: p99 within it, counted exactly. */
    boolean p99Within(LatencyTarget target) {
      return endToEnd().shareWithin(target) >= 0.99;
    }

    String row() {
      LatencyHistogram all = endToEnd();
      return "| %,d/s | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s | %s | %s |"
          .formatted(
              rate,
              sent,
              all.quantileMillis(0.5),
              all.quantileMillis(0.99),
              all.quantileMillis(0.999),
              all.quantileMillis(1.0),
              percent(all.shareWithin(LatencyTarget.TIGHT), "%.2f %%"),
              percent(all.shareWithin(LatencyTarget.SUSTAINED), "%.2f %%"),
              percent(cpuBusy, "%.0f %%"));
    }

    private static String percent(double share, String format) {
      return Double.isNaN(share) ? "n/a" : format.formatted(100 * share);
    }

    /** This run's p50, p99, p99.9 and max over {@code baseline}'s. */
    String ratioRow(RateRun baseline) {
      LatencyHistogram ours = endToEnd();
      LatencyHistogram theirs = baseline.endToEnd();
      StringBuilder row = new StringBuilder("| %,d/s |".formatted(rate));
      for (double q : new double[] {0.5, 0.99, 0.999, 1.0}) {
        row.append(" %.1f |".formatted(ours.quantileMillis(q) / theirs.quantileMillis(q)));
      }
      return row.toString();
    }

    String stageRow() {
      StringBuilder row = new StringBuilder("| %,d/s |".formatted(rate));
      for (LatencyHistogram stage : stages) {
        row.append(
            " %.1f / %.1f ms |".formatted(stage.quantileMillis(0.5), stage.quantileMillis(0.99)));
      }
      return row.toString();
    }
  }

  /**
   * The default warm-up: long enough for the JIT to have compiled the hot paths at 200/s
   * (validate's C2 compiler was 10 to 20 % of a core for the first two and a half minutes, then
   * under 1 %).
   */
  static final Duration WARM_UP = Duration.ofSeconds(180);

  /**
   * @param baselines the relays run after tradeflow, at the same rates; none to compare tradeflow
   *     with itself, or profile it
   * @param lingerMs how long every producer on the way lingers, the functions' and the relays';
   *     empty: the functions' own default, and {@link #RELAY_LINGER_MS} for the relays
   */
  public static void run(
      Path repo,
      AotCache aotCache,
      List<Integer> rates,
      Duration duration,
      Duration warmUp,
      List<RelayShape> baselines,
      OptionalInt lingerMs)
      throws Exception {
    Path data = Files.createTempDirectory("tradeflow-rate-");
    try (LocalStack stack =
        LocalStack.startBroker(repo, data, LocalKafka.freePort(), true).withAotCache(aotCache)) {
      lingerMs.ifPresent(
          linger -> stack.withSettings(Map.of(LocalStack.LINGER_SETTING, String.valueOf(linger))));
      stack.startFunctionsOnFreePorts(Scenario.DAY_ONE);
      Map<String, Object> kafka = stack.kafka().clientConfig();
      SampleData.loadReferenceData(stack);
      Thread.sleep(2000);
      List<FunctionProcess> stages = STAGES.stream().map(stack::function).toList();
      System.out.printf(
          "warm-up: %d s at 200/s; the functions' linger.ms: %s%n",
          warmUp.toSeconds(), lingerMs.isPresent() ? lingerMs.getAsInt() : "their default");
      Map<String, Long> pids = withHarness(PipelineBenchmark.functionPids(stack));
      measure(stages, kafka, pids, "WARM-", 200, warmUp);
      System.out.println(RATE_TABLE);
      List<RateRun> runs = new ArrayList<>();
      for (int rate : rates) {
        RateRun run = measure(stages, kafka, pids, "RATE" + rate + "-", rate, duration);
        System.out.println(run.row());
        runs.add(run);
      }
      printByStage(
          "by stage, p50 / p99 from parse taking a trade to each function taking it",
          STAGES.stream().map(Function::id).toList(),
          runs);
      System.out.println();
      for (LatencyTarget target : LatencyTarget.values()) {
        System.out.printf(
            "highest rate with p99 within %d ms: %s (rates tried: %s, %d s each; machine: %d"
                + " cores)%n",
            target.bound().toMillis(),
            highestRateWithin(target, runs).map(rate -> rate + "/s").orElse("none of those tried"),
            rates,
            duration.toSeconds(),
            Runtime.getRuntime().availableProcessors());
      }
      if (baselines.isEmpty()) {
        return;
      }
      for (Function function : Function.values()) {
        stack.stop(function);
      }
      Duration relayWarmUp = warmUp.compareTo(RELAY_WARM_UP) < 0 ? warmUp : RELAY_WARM_UP;
      for (RelayShape shape : baselines) {
        List<RateRun> relayRuns =
            relayAtRates(
                repo,
                stack,
                shape,
                rates,
                duration,
                relayWarmUp,
                runs.getFirst().endToEnd(),
                lingerMs.orElse(RELAY_LINGER_MS));
        System.out.printf(
            "%ntradeflow's latency over the %s's:%n| rate | p50 | p99 | p99.9 | max |"
                + "%n|---|---|---|---|---|%n",
            shape.title());
        for (int i = 0; i < runs.size(); i++) {
          System.out.println(runs.get(i).ratioRow(relayRuns.get(i)));
        }
      }
    }
  }

  /** The highest rate at which at least 99 % of the trades took at most {@code target}'s bound. */
  static Optional<Integer> highestRateWithin(LatencyTarget target, List<RateRun> runs) {
    return runs.stream()
        .filter(run -> run.p99Within(target))
        .map(RateRun::rate)
        .max(Integer::compare);
  }

  /**
   * A baseline: a relay of {@code shape} through {@link #RELAY_HOPS} hops on the same broker, at
   * each rate, its producers lingering {@code lingerMs}, its latencies counted in {@code buckets}'
   * bounds.
   */
  static List<RateRun> relayAtRates(
      Path repo,
      LocalStack stack,
      RelayShape shape,
      List<Integer> rates,
      Duration duration,
      Duration warmUp,
      LatencyHistogram buckets,
      int lingerMs)
      throws InterruptedException {
    String bootstrap = stack.kafka().bootstrapServers();
    Map<String, Object> kafka = stack.kafka().clientConfig();
    List<RateRun> runs = new ArrayList<>();
    try (RelayBenchmark.Relay relay =
        RelayBenchmark.Relay.start(
            repo, stack.logDir(), bootstrap, shape, RELAY_HOPS, OptionalInt.of(lingerMs))) {
      System.out.printf(
          "%nbaseline: the %s, %d hops, linger.ms %d; warm-up: %d s at 200/s%n",
          shape.title(), RELAY_HOPS, lingerMs, warmUp.toSeconds());
      sendAtRate(kafka, relay.first(), "WARM-", 200, warmUp);
      System.out.println(RATE_TABLE);
      Map<String, Long> pids = withHarness(relay.pids());
      for (int rate : rates) {
        String prefix = "RATE" + rate + "-";
        Sent sent = sendCounted(kafka, pids, relay.first(), prefix, rate, duration);
        BenchLoad.Latencies endToEnd =
            BenchLoad.await(
                bootstrap,
                relay.last(),
                sent.count(),
                r -> r.key().startsWith(prefix),
                duration.plusSeconds(60));
        String cpuPerTrade = sent.cpuPerTrade();
        List<LatencyHistogram> byHop = new ArrayList<>();
        for (String passedOn : relay.topics().subList(1, relay.topics().size() - 1)) {
          BenchLoad.Latencies toHop =
              BenchLoad.await(
                  bootstrap,
                  passedOn,
                  sent.count(),
                  r -> r.key().startsWith(prefix),
                  Duration.ofSeconds(60));
          byHop.add(LatencyHistogram.of(toHop.millis(), buckets));
        }
        byHop.add(LatencyHistogram.of(endToEnd.millis(), buckets));
        RateRun run = new RateRun(rate, sent.count(), sent.cpuBusy(), byHop, cpuPerTrade);
        System.out.println(run.row());
        runs.add(run);
      }
    }
    printByStage(
        "by hop, p50 / p99 from sending a trade to each hop sending it on (the last: its append)",
        IntStream.rangeClosed(1, RELAY_HOPS).mapToObj(hop -> "hop " + hop).toList(),
        runs);
    return runs;
  }

  /** A table of each run's p50 / p99 by stage, then each run's CPU per trade by process. */
  private static void printByStage(String title, List<String> stages, List<RateRun> runs) {
    System.out.println(
        "\n"
            + title
            + ":\n| rate |"
            + stages.stream().map(stage -> " " + stage + " |").collect(Collectors.joining())
            + "\n|---|"
            + "---|".repeat(stages.size()));
    runs.forEach(run -> System.out.println(run.stageRow()));
    runs.forEach(run -> System.out.printf("%nCPU at %,d/s:%n%s", run.rate(), run.cpuPerTrade()));
  }

  /** The processes, and this JVM, which holds the broker and sends the load. */
  private static Map<String, Long> withHarness(Map<String, Long> pids) {
    Map<String, Long> all = new LinkedHashMap<>(pids);
    all.put("broker and load (this JVM)", ProcessHandle.current().pid());
    return all;
  }

  /**
   * One rate: the trades sent on schedule, then, once aggregate has taken them all, the latencies
   * of exactly those trades, from aggregate's histogram of {@code tradeflow_since_received_seconds}
   * (from parse taking each trade, its {@code tradeflowreceived}, to aggregate applying it): the
   * difference of its cumulative buckets before and after. A quantile is the upper bound of the
   * bucket it falls in (Micrometer's default buckets: 268, 358, 537, 626, 895, 1,432 ms and so on,
   * 15 to 60 % apart); the max is the largest bucket reached. The same difference is taken at every
   * stage before aggregate too.
   */
  static RateRun measure(
      List<FunctionProcess> stages,
      Map<String, Object> kafka,
      Map<String, Long> pids,
      String prefix,
      int rate,
      Duration duration)
      throws InterruptedException {
    List<LatencyHistogram> before = stages.stream().map(LatencyHistogram::scrape).toList();
    Sent sent = sendCounted(kafka, pids, Topic.TRADE_RECEIVED.topicName(), prefix, rate, duration);
    long deadline = System.nanoTime() + duration.plusSeconds(60).toNanos();
    FunctionProcess last = stages.getLast();
    long taken;
    while ((taken = LatencyHistogram.scrape(last).count() - before.getLast().count())
        < sent.count()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            last.function().id() + " took " + taken + " of " + sent.count() + " in time");
      }
      Thread.sleep(200);
    }
    String cpuPerTrade = sent.cpuPerTrade();
    List<LatencyHistogram> byStage = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      byStage.add(LatencyHistogram.scrape(stages.get(i)).minus(before.get(i)));
    }
    return new RateRun(rate, sent.count(), sent.cpuBusy(), byStage, cpuPerTrade);
  }

  /**
   * A rate sent on schedule: how many trades, how busy the machine's cores were while they were
   * sent, and the CPU of the processes counted from the first.
   */
  private record Sent(int count, double cpuBusy, ProcessCpu cpu) {

    /** Each process's CPU per trade so far ({@link ProcessCpu#perTrade}). */
    String cpuPerTrade() {
      return ProcessCpu.perTrade(cpu.spent(), cpu.spentByKind(), count);
    }
  }

  /** {@link #sendAtRate}, counting the CPU of {@code pids} and of the machine meanwhile. */
  private static Sent sendCounted(
      Map<String, Object> kafka,
      Map<String, Long> pids,
      String topic,
      String prefix,
      int rate,
      Duration duration)
      throws InterruptedException {
    ProcessCpu cpu = ProcessCpu.of(pids);
    Optional<CpuBusy> before = CpuBusy.now();
    int count = sendAtRate(kafka, topic, prefix, rate, duration);
    double busy = before.flatMap(b -> CpuBusy.now().map(a -> a.since(b))).orElse(Double.NaN);
    return new Sent(count, busy, cpu);
  }

  /**
   * Sends {@code rate} trades a second for {@code duration}, on schedule, to {@code topic}, each
   * stamped with its send time ({@link BenchLoad#SENT_AT}); the producer does not linger. Returns
   * how many.
   */
  static int sendAtRate(
      Map<String, Object> kafka, String topic, String prefix, int rate, Duration duration)
      throws InterruptedException {
    int total = (int) (rate * duration.toMillis() / 1000);
    Map<String, Object> config = new HashMap<>(kafka);
    config.put("linger.ms", 0);
    try (KafkaProducer<String, byte[]> producer = SampleData.producer(config)) {
      long start = System.nanoTime();
      int sent = 0;
      while (sent < total) {
        long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
        for (; sent < due; sent++) {
          producer.send(BenchLoad.stampedTrade(topic, prefix + sent, sent, "B1"));
        }
        Thread.sleep(TICK.toMillis());
      }
      producer.flush();
      return sent;
    }
  }
}
