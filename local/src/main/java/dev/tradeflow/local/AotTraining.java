package dev.tradeflow.local;

import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The training run that records each function's AOT cache: the five functions on a broker of their
 * own, the sample reference data, a load of trades through them, then each stopped, so that its JVM
 * writes the cache of the classes it loaded and the methods it ran hot ({@link AotCache#RECORD}).
 * Later starts with {@link AotCache#USE} skip that loading and compile the hot paths sooner.
 */
final class AotTraining {

  /** Trades in a training run: enough for the hot paths to be profiled as the benchmark runs. */
  static final int TRADES = 30_000;

  /** How long a function may take to stop and write its cache. */
  static final Duration WRITE_PATIENCE = Duration.ofMinutes(3);

  private AotTraining() {}

  /** Records the caches, unless every function has a fresh one already. */
  static void ensure(Path repo) throws Exception {
    if (!AotCache.supported()) {
      System.out.printf(
          "AOT caches need JDK %d or later; the functions start without one%n",
          AotCache.FIRST_RELEASE);
    } else if (!AotCache.allFresh(repo)) {
      run(repo, TRADES);
    }
  }

  static void run(Path repo, int trades) throws Exception {
    System.out.printf(
        "Recording the functions' AOT caches: a training run of %,d trades%n", trades);
    long start = System.nanoTime();
    Path data = Files.createTempDirectory("tradeflow-aot-");
    try (LocalStack stack =
        LocalStack.startBroker(repo, data, LocalKafka.freePort(), true)
            .withAotCache(AotCache.RECORD)) {
      stack.startFunctionsOnFreePorts(Scenario.DAY_ONE);
      SampleData.loadReferenceData(stack);
      BenchLoad.Aggregated aggregated =
          BenchLoad.throughTradeflow(
              stack, "AOT-", trades, Duration.ofMillis(100), BenchLoad.Load.limit(trades));
      if (!aggregated.all()) {
        throw new IllegalStateException("the training run did not finish in time");
      }
      for (Function function : Function.values()) {
        stack.stop(function, WRITE_PATIENCE);
      }
    }
    for (Function function : Function.values()) {
      if (!AotCache.fresh(repo, function)) {
        throw new IllegalStateException(
            "no AOT cache written for " + function.id() + " (see its log in " + data + ")");
      }
      System.out.printf(
          "   %s: %s, %,d MB%n",
          function.id(),
          AotCache.file(repo, function),
          Files.size(AotCache.file(repo, function)) >> 20);
    }
    System.out.printf("Recorded in %.0f s%n", (System.nanoTime() - start) / 1e9);
  }
}
