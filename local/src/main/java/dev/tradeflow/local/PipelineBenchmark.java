package dev.tradeflow.local;

import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tradeflow's pipeline beside what it is measured against, in one run on one broker, one after the
 * other, with the same load (N distinct JSON trades, 3 partitions, acks=all, idempotent producers):
 *
 * <ol>
 *   <li>the plain five-hop relay, interval commits (Kafka Streams' shape) and per-batch waits, and
 *       with interval commits once more on records that carry tradeflow's CloudEvent headers;
 *   <li>the plain five-hop relay in Kafka transactions (read-process-write with {@code
 *       sendOffsetsToTransaction}), one per poll batch and one every 100 ms: what exactly-once
 *       effects on the topics would cost the binding;
 *   <li>the five-hop relay on tradeflow's Kafka connector ({@link RelayShape#CONNECTOR}): what the
 *       connector costs without the work;
 *   <li>the Kafka Streams peer doing the same work, at least once and exactly once (v2);
 *   <li>tradeflow's five functions, each its own JVM.
 * </ol>
 *
 * With a warm-up of W trades, each pipeline first carries W trades that are waited for but not
 * measured, so that the figures are those of warm JVMs rather than of their JIT's first minute.
 *
 * <p>Bounded: each run gives up after {@code 60 s + N / 50} seconds (and its warm-up after {@code
 * 60 s + W / 50}). Run it with {@code ./tradeflow bench-pipeline [N] [--warm-up-trades W]}.
 */
public final class PipelineBenchmark {

  private PipelineBenchmark() {}

  /**
   * @param aotCache how tradeflow's functions use their AOT caches (the relay and the peer start
   *     without one)
   * @param instances more than 1: tradeflow runs a second time, after the first, with that many
   *     instances of validate, enrich and aggregate (their state rebuilt from the first run's
   *     topics, the load in another book)
   * @param tradeflowOnly leave out the relay and the peer (to profile tradeflow; no ratios)
   */
  public static void run(
      Path repo, AotCache aotCache, BenchLoad.Load load, int instances, boolean tradeflowOnly)
      throws Exception {
    Path data = Files.createTempDirectory("tradeflow-bench-");
    List<PipelineRun> runs = new ArrayList<>();
    try (LocalStack stack =
        LocalStack.startBroker(repo, data, LocalKafka.freePort(), true).withAotCache(aotCache)) {
      String kafka = stack.kafka().bootstrapServers();
      Path logs = stack.logDir();
      if (load.warmUp() > 0) {
        System.out.printf(
            "each pipeline first carries %,d trades, not measured (its warm-up)%n", load.warmUp());
      }
      if (tradeflowOnly) {
        report(tradeflow(stack, load, 1, "B1"));
        return;
      }
      PipelineRun relay =
          report(RelayBenchmark.run(repo, logs, kafka, RelayShape.INTERVAL, load, false));
      PipelineRun relayPerBatch =
          report(RelayBenchmark.run(repo, logs, kafka, RelayShape.PER_BATCH, load, false));
      PipelineRun relayTxPerBatch =
          report(RelayBenchmark.run(repo, logs, kafka, RelayShape.TX_PER_BATCH, load, false));
      PipelineRun relayTxInterval =
          report(RelayBenchmark.run(repo, logs, kafka, RelayShape.TX_INTERVAL, load, false));
      PipelineRun relayEnvelope =
          report(RelayBenchmark.run(repo, logs, kafka, RelayShape.INTERVAL, load, true));
      PipelineRun relayConnector =
          report(RelayBenchmark.run(repo, logs, kafka, RelayShape.CONNECTOR, load, false));
      PipelineRun streams =
          report(StreamsPeerBenchmark.run(repo, logs, kafka, "at_least_once", load));
      PipelineRun streamsExactlyOnce =
          report(StreamsPeerBenchmark.run(repo, logs, kafka, "exactly_once_v2", load));
      PipelineRun ours = report(tradeflow(stack, load, 1, "B1"));
      runs.addAll(
          List.of(
              relay,
              relayPerBatch,
              relayTxPerBatch,
              relayTxInterval,
              relayEnvelope,
              relayConnector,
              streams,
              streamsExactlyOnce,
              ours));
      if (instances > 1) {
        for (Function function : Function.values()) {
          stack.stop(function);
        }
        PipelineRun scaled =
            report(tradeflow(stack.withInstances(instances), load, instances, "B2"));
        runs.add(scaled);
        System.out.printf(
            "%ntradeflow with %d instances / with 1: %.2f; / relay (interval): %.2f%n",
            instances, scaled.rate() / ours.rate(), scaled.rate() / relay.rate());
      }
      System.out.println(
          "\n| pipeline | trades | end to end | rate | latency p50 | latency p99 | CPU per trade |"
              + " of it JIT | of it GC |\n|---|---|---|---|---|---|---|---|---|");
      runs.forEach(run -> System.out.println(run.row()));
      System.out.printf(
          "%ntradeflow / relay (interval): %.2f; / relay (per batch): %.2f;"
              + " / relay with CloudEvent headers: %.2f;"
              + " / Kafka Streams (at least once): %.2f; (exactly once): %.2f%n",
          ours.rate() / relay.rate(),
          ours.rate() / relayPerBatch.rate(),
          ours.rate() / relayEnvelope.rate(),
          ours.rate() / streams.rate(),
          ours.rate() / streamsExactlyOnce.rate());
      System.out.printf(
          "relay in transactions / plain relay (interval): a transaction per batch %.2f,"
              + " every 100 ms %.2f; tradeflow / relay, a transaction every 100 ms: %.2f%n",
          relayTxPerBatch.rate() / relay.rate(),
          relayTxInterval.rate() / relay.rate(),
          ours.rate() / relayTxInterval.rate());
      System.out.printf(
          "relay on tradeflow's connector / plain relay (interval): %.2f, its CPU per trade %.2f;"
              + " tradeflow / relay on tradeflow's connector: %.2f%n",
          relayConnector.rate() / relay.rate(),
          relayConnector.cpuMicrosPerTrade() / relay.cpuMicrosPerTrade(),
          ours.rate() / relayConnector.rate());
      System.out.printf(
          "CPU per trade, the pipeline's own processes: tradeflow / relay (interval): %.2f;"
              + " / relay with CloudEvent headers: %.2f; / Kafka Streams (at least once): %.2f%n",
          ours.cpuMicrosPerTrade() / relay.cpuMicrosPerTrade(),
          ours.cpuMicrosPerTrade() / relayEnvelope.cpuMicrosPerTrade(),
          ours.cpuMicrosPerTrade() / streams.cpuMicrosPerTrade());
      System.out.printf(
          "machine: %d cores; broker in this JVM, every hop, peer and function its own JVM;"
              + " tradeflow's latency is aggregate's tradeflow_since_received_seconds (from parse"
              + " taking the trade), the others' from sending it%n",
          Runtime.getRuntime().availableProcessors());
    }
  }

  private static PipelineRun report(PipelineRun run) {
    System.out.printf(
        "%s: %,d trades in %.2f s, %,.0f/s, p50 %.0f ms, p99 %.0f ms, CPU %,.0f µs per trade"
            + " (JIT %,.0f µs, GC %,.0f µs)%n",
        run.name(),
        run.trades(),
        run.seconds(),
        run.rate(),
        run.p50Millis(),
        run.p99Millis(),
        run.cpuMicrosPerTrade(),
        run.cpuMicrosPerTrade(ProcessCpu.Kind.JIT),
        run.cpuMicrosPerTrade(ProcessCpu.Kind.GC));
    return run;
  }

  private static PipelineRun tradeflow(
      LocalStack stack, BenchLoad.Load load, int instances, String book) throws Exception {
    Map<Function, Integer> ports = new EnumMap<>(Function.class);
    for (Function function : Function.values()) {
      ports.put(function, LocalKafka.freePort());
    }
    stack.startFunctions(ports, Scenario.DAY_ONE);
    SampleData.loadReferenceData(stack);
    Thread.sleep(2000);
    if (load.warmUp() > 0) {
      carry(stack, "WARM-", book, 0, load.warmUp());
    }

    String bootstrap = stack.kafka().bootstrapServers();
    long recordsBefore = BenchLoad.recordsOnTradeflowTopics(bootstrap);
    LatencyHistogram latencyBefore = LatencyHistogram.scrape(stack.function(Function.AGGREGATE));
    Map<Function, ProcessingTime> processingBefore = processingTimes(metricsOf(stack));
    ProcessCpu cpu = ProcessCpu.of(functionPids(stack));
    int trades = load.measured();
    BenchLoad.Aggregated aggregated = carry(stack, "LOAD-", book, load.warmUp(), trades);
    Map<String, Duration> spent = cpu.spent();
    Map<String, Map<ProcessCpu.Kind, Duration>> byKind = cpu.spentByKind();
    System.out.print(ProcessCpu.perTrade(spent, byKind, trades));
    System.out.printf(
        "   records the functions wrote to Kafka per trade: %.2f (each relay: %d)%n",
        (BenchLoad.recordsOnTradeflowTopics(bootstrap) - recordsBefore - trades) / (double) trades,
        RelayBenchmark.HOPS);
    Map<Function, List<String>> scraped = metricsOf(stack);
    Map<Function, ProcessingTime> processingAfter = processingTimes(scraped);
    for (Function function : Function.values()) {
      String metrics = scraped.get(function).getFirst();
      System.out.printf(
          "   %s handling one input (wall time): mean %.1f µs over the measured trades;"
              + " p50 %.3f ms, p99 %.3f ms in Micrometer's window (warm-up too)%n",
          function.id(),
          processingAfter.get(function).minus(processingBefore.get(function)).meanMicros(),
          quantile(metrics, "tradeflow_processing_seconds{", "0.5") * 1000,
          quantile(metrics, "tradeflow_processing_seconds{", "0.99") * 1000);
    }
    LatencyHistogram latency =
        LatencyHistogram.scrape(stack.function(Function.AGGREGATE)).minus(latencyBefore);
    return PipelineRun.of(
        instances == 1
            ? "tradeflow, 5 functions"
            : "tradeflow, validate, enrich, aggregate ×" + instances + " (latency: instance 1's)",
        trades,
        aggregated.seconds(),
        latency.quantileMillis(0.5),
        latency.quantileMillis(0.99),
        spent,
        byKind);
  }

  /**
   * {@code trades} more trades through tradeflow, in {@code book} (which counts {@code counted}
   * already), until aggregate has counted them all; throws if it gives up first.
   */
  private static BenchLoad.Aggregated carry(
      LocalStack stack, String prefix, String book, int counted, int trades)
      throws InterruptedException {
    BenchLoad.Aggregated aggregated =
        BenchLoad.throughTradeflow(
            stack,
            prefix + book + "-",
            book,
            counted,
            trades,
            Duration.ofMillis(100),
            BenchLoad.Load.limit(trades));
    if (!aggregated.all()) {
      throw new IllegalStateException(
          "tradeflow gave up on " + prefix + " after " + aggregated.seconds() + " s");
    }
    return aggregated;
  }

  /** Each function's {@code /q/metrics}, one per instance, the first instance's first. */
  private static Map<Function, List<String>> metricsOf(LocalStack stack) {
    Map<Function, List<String>> scraped = new EnumMap<>(Function.class);
    for (Function function : Function.values()) {
      scraped.put(
          function,
          stack.instancesOf(function).stream()
              .map(instance -> instance.get("/q/metrics").body())
              .toList());
    }
    return scraped;
  }

  /** Each function's time handling Kafka inputs so far, summed over its instances. */
  private static Map<Function, ProcessingTime> processingTimes(
      Map<Function, List<String>> scraped) {
    Map<Function, ProcessingTime> times = new EnumMap<>(Function.class);
    scraped.forEach(
        (function, instances) ->
            times.put(
                function,
                instances.stream()
                    .map(ProcessingTime::parse)
                    .reduce(new ProcessingTime(0, 0), ProcessingTime::plus)));
    return times;
  }

  /** Every running function instance's process, named by function (and instance from the 2nd). */
  static Map<String, Long> functionPids(LocalStack stack) {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (Function function : Function.values()) {
      List<FunctionProcess> instances = stack.instancesOf(function);
      for (int i = 0; i < instances.size(); i++) {
        pids.put(function.id() + (i == 0 ? "" : " " + (i + 1)), instances.get(i).pid());
      }
    }
    return pids;
  }

  private static double quantile(String metrics, String series, String quantile) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(series) && l.contains("quantile=\"" + quantile + "\""))
        .filter(l -> !l.contains("binding=") || l.contains("binding=\"kafka\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(Double.NaN);
  }
}
