package dev.tradeflow.local;

import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Start time and memory of the five functions: start each (native binaries with {@code
 * -Dtradeflow.native=true}, else jars) against a real broker, time launch to ready, read RSS when
 * idle, send N trades through the whole pipeline, and read RSS again. Bounded in count and time.
 */
final class NativeFootprint {

  private NativeFootprint() {}

  static void run(Path repo, AotCache aotCache, int trades) throws Exception {
    Path data = Files.createTempDirectory("tradeflow-footprint-");
    try (LocalStack stack =
        LocalStack.startBroker(repo, data, LocalKafka.freePort(), true).withAotCache(aotCache)) {
      Map<Function, Long> readyMillis = new EnumMap<>(Function.class);
      Map<Function, Long> idleRss = new EnumMap<>(Function.class);
      for (Function function : Function.values()) {
        long start = System.nanoTime();
        stack
            .start(function, LocalKafka.freePort(), Scenario.DAY_ONE)
            .awaitReady(Duration.ofSeconds(120));
        readyMillis.put(function, (System.nanoTime() - start) / 1_000_000);
      }
      Thread.sleep(5000);
      for (Function function : Function.values()) {
        idleRss.put(function, rssKib(stack.function(function).pid()));
      }
      SampleData.loadReferenceData(stack);
      Thread.sleep(2000);
      BenchLoad.Aggregated aggregated =
          BenchLoad.throughTradeflow(
              stack, "FP-", trades, Duration.ofMillis(500), Duration.ofSeconds(120 + trades / 50));
      System.out.printf(
          "%s; %,d trades through the pipeline: %s in %.1f s (%,.0f trades/s)%n",
          FunctionProcess.NATIVE
              ? "native binaries"
              : aotCache == AotCache.USE ? "JVM (jars, AOT caches)" : "JVM (jars)",
          trades,
          aggregated.all() ? "all aggregated" : "NOT all aggregated",
          aggregated.seconds(),
          trades / aggregated.seconds());
      System.out.println("function    start to ready   RSS idle    RSS after   binary size");
      for (Function function : Function.values()) {
        long after = rssKib(stack.function(function).pid());
        System.out.printf(
            "%-10s %10d ms %8d MiB %8d MiB %10s%n",
            function.id(),
            readyMillis.get(function),
            idleRss.get(function) / 1024,
            after / 1024,
            FunctionProcess.NATIVE
                ? Files.size(FunctionProcess.nativeBinary(repo, function)) / (1024 * 1024) + " MiB"
                : "-");
      }
    }
  }

  private static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
