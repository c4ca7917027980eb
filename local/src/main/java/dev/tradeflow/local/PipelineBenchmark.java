package dev.tradeflow.local;

import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Load through the whole pipeline over a real broker: sends N distinct trades to the received topic
 * as fast as a producer can, and times until aggregate counts all of them. Bounded: N trades, and
 * it gives up after {@code 60 s + N / 50} seconds. Run it with {@code ./tradeflow bench-pipeline
 * [N]}.
 */
public final class PipelineBenchmark {

  private PipelineBenchmark() {}

  public static void run(Path repo, int trades) throws Exception {
    Path data = Files.createTempDirectory("tradeflow-bench-");
    try (LocalStack stack = LocalStack.startBroker(repo, data, LocalKafka.freePort(), true)) {
      Map<Function, Integer> ports = new EnumMap<>(Function.class);
      for (Function function : Function.values()) {
        ports.put(function, LocalKafka.freePort());
      }
      stack.startFunctions(ports, Scenario.DAY_ONE);
      String kafka = stack.kafka().bootstrapServers();
      SampleData.loadReferenceData(kafka);
      Thread.sleep(2000);

      long start = System.nanoTime();
      SampleData.sendLoad(kafka, "LOAD-", trades);
      double sendSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("sent %,d trades in %.2f s%n", trades, sendSeconds);

      String expected = "\"id\":\"B1\",\"live_trades\":" + trades + ",";
      Duration limit = Duration.ofSeconds(60 + trades / 50);
      long deadline = System.nanoTime() + limit.toNanos();
      FunctionProcess aggregate = stack.function(Function.AGGREGATE);
      String body = "";
      while (System.nanoTime() < deadline && !body.contains(expected)) {
        Thread.sleep(100);
        body = aggregate.get("/api/v1/aggregates/book/B1").body();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!body.contains(expected)) {
        System.out.printf("gave up after %.0f s: %s%n", seconds, body);
        return;
      }
      System.out.printf(
          "all %,d trades parsed, validated, enriched and counted in %.2f s: %,.0f trades/s end to end%n",
          trades, seconds, trades / seconds);
      for (Function function : Function.values()) {
        String metrics = stack.function(function).get("/q/metrics").body();
        for (String quantile : new String[] {"0.5", "0.99"}) {
          metrics
              .lines()
              .filter(l -> l.startsWith("tradeflow_processing_seconds{"))
              .filter(l -> l.contains("binding=\"kafka\"") && l.contains("quantile=\"" + quantile))
              .forEach(
                  l ->
                      System.out.printf(
                          "   %s q%s %s s%n",
                          function.id(), quantile, l.substring(l.lastIndexOf(' ') + 1)));
        }
      }
      System.out.printf(
          "machine: %d cores; broker in this JVM, each function its own JVM%n",
          Runtime.getRuntime().availableProcessors());
    }
  }
}
