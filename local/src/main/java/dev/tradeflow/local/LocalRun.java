package dev.tradeflow.local;

import dev.tradeflow.broker.KafkaUser;
import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import dev.tradeflow.issuer.LocalIssuer;
import dev.tradeflow.model.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code java -jar local/target/tradeflow-local.jar COMMAND [options]}
 *
 * <ul>
 *   <li>{@code run}: a real Kafka broker, the five functions, the sample data, the outcome; then
 *       keeps running until Ctrl-C.
 *   <li>{@code broker}: the broker and the topics only, for {@code ./tradeflow dev <function>}.
 *   <li>{@code bench-rebuild [N]}: times a cold rebuild of N trades from a real broker.
 *   <li>{@code bench-pipeline [N] [--warm-up-trades W]}: N trades through the plain relay, the
 *       Kafka Streams peer and tradeflow's five functions, one after the other on one broker, each
 *       after carrying W trades unmeasured (default 0: from cold JVMs); {@code bench-pipeline
 *       --rate R[,R...] --duration S [--warm-up S]}: an open-loop load through tradeflow at each
 *       rate, with latency quantiles and how busy the cores were, then the same through the relays.
 *       {@code --tradeflow-only} leaves the baselines out; {@code --linger-ms L} has every producer
 *       on the way, the functions' and the relays', linger L ms (default 1). With {@code
 *       --aot-cache}, both start the functions from their AOT caches, recorded first if they are
 *       older than the jars ({@link AotTraining}).
 *   <li>{@code token ROLE[,ROLE...] [--subject S]}: a bearer token from the local issuer.
 *   <li>{@code footprint [N]}: start time and memory of each function, idle and after N trades
 *       ({@code -Dtradeflow.native=true} for the native binaries; the jars start from their AOT
 *       caches with {@code --aot-cache}).
 * </ul>
 *
 * Options: {@code --data-dir DIR} (default {@code .local-data}), {@code --fresh} (wipe it first),
 * {@code --kafka-port P} (default 9092), {@code --exit} (stop after the story instead of waiting),
 * {@code --kafka-sasl} (the functions and the sample data reach the broker over SASL
 * (SCRAM-SHA-512) and TLS on port {@value #SASL_PORT}, as in production), {@code --instances N}
 * (for run and chaos: instances of validate, enrich and aggregate, default {@value
 * #RUN_INSTANCES}).
 */
public final class LocalRun {

  private LocalRun() {}

  public static void main(String[] args) throws Exception {
    List<String> options = new ArrayList<>(List.of(args));
    String command = options.isEmpty() ? "run" : options.remove(0);
    Path repo = Path.of(System.getProperty("tradeflow.home", ".")).toAbsolutePath().normalize();
    Path dataDir = Path.of(option(options, "--data-dir", ".local-data")).toAbsolutePath();
    int kafkaPort = Integer.parseInt(option(options, "--kafka-port", "9092"));
    if (options.remove("--fresh")) {
      wipe(dataDir);
    }
    switch (command) {
      case "run" ->
          run(
              repo,
              dataDir,
              kafkaPort,
              options.remove("--kafka-sasl"),
              options.remove("--exit"),
              Integer.parseInt(option(options, "--instances", String.valueOf(RUN_INSTANCES))));
      case "broker" -> broker(repo, dataDir, kafkaPort);
      case "bench-pipeline" -> benchPipeline(repo, options);
      case "chaos" -> chaos(repo, options);
      case "token" -> token(dataDir, options);
      case "footprint" -> {
        AotCache aotCache = aotCache(repo, options);
        NativeFootprint.run(
            repo,
            aotCache,
            options.isEmpty() || options.get(0).startsWith("--")
                ? 100_000
                : Integer.parseInt(options.get(0)));
      }
      case "bench-rebuild" ->
          RebuildBenchmark.run(options.isEmpty() ? 1_000_000 : Integer.parseInt(options.get(0)));
      default -> {
        System.err.println(
            "unknown command '"
                + command
                + "': run, broker, token, chaos, footprint, bench-rebuild or bench-pipeline");
        System.exit(2);
      }
    }
  }

  /**
   * How many instances of validate, enrich and aggregate the local run and the chaos run start (one
   * consumer group each), unless {@code --instances N} says otherwise.
   */
  static final int RUN_INSTANCES = 2;

  /** The local broker's SASL_SSL listener, with {@code run --kafka-sasl}. */
  static final int SASL_PORT = 9093;

  static void run(
      Path repo, Path dataDir, int kafkaPort, boolean sasl, boolean exitAfterStory, int instances)
      throws Exception {
    Map<Function, Integer> ports = new EnumMap<>(Function.class);
    for (Function function : Function.values()) {
      ports.put(function, function.localPort());
    }
    requireFree(kafkaPort);
    ports.values().forEach(LocalRun::requireFree);
    System.out.println(
        "Starting a Kafka broker (KRaft) on localhost:"
            + kafkaPort
            + (sasl ? " and, SASL_SSL with SCRAM-SHA-512, on localhost:" + SASL_PORT : "")
            + ", data in "
            + dataDir.resolve("kafka"));
    LocalStack stack;
    if (sasl) {
      requireFree(SASL_PORT);
      KafkaUser user = KafkaUser.withRandomPassword("tradeflow");
      stack = LocalStack.startSecuredBroker(repo, dataDir, kafkaPort, SASL_PORT, user, false);
      Path clientProperties = KafkaClientProperties.write(dataDir, stack.kafka().clientConfig());
      System.out.println(
          "The functions and the sample data log in as "
              + user.name()
              + "; the client settings, password included, are in "
              + clientProperties
              + " (for kafka-console-consumer.sh --consumer.config)");
    } else {
      stack = LocalStack.startBroker(repo, dataDir, kafkaPort, false);
    }
    CountDownLatch stopped = stopOnExit(stack);
    stack.withInstances(instances);
    System.out.printf(
        "Starting parse, validate ×%d, enrich ×%d, aggregate ×%d, expire (logs in %s)%n",
        instances, instances, instances, stack.logDir());
    stack.startFunctions(ports, Scenario.DAY_ONE);
    printPartitionShares(stack);
    Scenario scenario = new Scenario(stack, System.out);
    scenario.dayOne();
    System.out.println("\n   aggregates after day 1:");
    System.out.println("   " + scenario.aggregatesOnceSettled(DAY_ONE_AGGREGATES));
    scenario.deskView();
    String statistics = scenario.dayTwo();
    System.out.println("\n   trade store statistics after day 2:\n   " + statistics);
    System.out.println("\n   aggregates after day 2:");
    System.out.println("   " + scenario.aggregatesOnceSettled(DAY_TWO_AGGREGATES));
    System.out.println("\n   positions after day 2 (the expired trades are out of them):");
    System.out.println("   " + scenario.positions());
    printUrls(stack, kafkaPort);
    printTokens(stack.issuer());
    if (exitAfterStory) {
      System.exit(0);
    }
    System.out.println("\nRunning. Press Ctrl-C to stop everything.");
    stopped.await();
  }

  static final List<String> DAY_ONE_AGGREGATES =
      List.of(
          "\"id\":\"B1\",\"live_trades\":3,\"expired_trades\":0",
          "\"id\":\"B2\",\"live_trades\":2,\"expired_trades\":0");
  static final List<String> DAY_TWO_AGGREGATES =
      List.of(
          "\"id\":\"B1\",\"live_trades\":0,\"expired_trades\":3",
          "\"id\":\"B2\",\"live_trades\":1,\"expired_trades\":1");

  static void broker(Path repo, Path dataDir, int kafkaPort) throws InterruptedException {
    requireFree(kafkaPort);
    LocalStack stack = LocalStack.startBroker(repo, dataDir, kafkaPort, false);
    CountDownLatch stopped = stopOnExit(stack);
    System.out.println(
        "Kafka broker (KRaft) on localhost:"
            + kafkaPort
            + " with every tradeflow topic; data in "
            + dataDir.resolve("kafka"));
    System.out.println(
        "Run a function in dev mode against it: ./tradeflow dev validate. Ctrl-C stops the broker.");
    stopped.await();
  }

  /** Ctrl-C (or any exit) stops the functions and the broker; the latch opens when they are. */
  private static CountDownLatch stopOnExit(LocalStack stack) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping the functions and the broker...");
                  stack.close();
                  stopped.countDown();
                }));
    return stopped;
  }

  /**
   * How Kafka shared each scaled function's input partitions out between its instances (one
   * consumer group); waits briefly for the group to settle.
   */
  static void printPartitionShares(LocalStack stack) {
    for (Function function : LocalStack.SCALABLE) {
      List<FunctionProcess> instances = stack.instancesOf(function);
      if (instances.size() < 2) {
        continue;
      }
      List<Integer> shares = List.of();
      for (int attempt = 0; attempt < 50; attempt++) {
        shares = instances.stream().map(FunctionProcess::inputPartitions).toList();
        if (shares.stream().mapToInt(Integer::intValue).sum()
                == LocalKafka.inputPartitions(function)
            && !shares.contains(0)) {
          break;
        }
        FunctionProcess.sleep(200);
      }
      System.out.printf(
          "   %-9s  %d instances in consumer group %s, input partitions %s%n",
          function.id(), instances.size(), function.consumerGroup(), shares);
    }
  }

  private static void printUrls(LocalStack stack, int kafkaPort) {
    Map<Function, Integer> ports = new EnumMap<>(Function.class);
    for (Function function : Function.values()) {
      ports.put(function, stack.function(function).url("/").getPort());
    }
    System.out.println("\nWhere to look:");
    System.out.println("   Kafka                   localhost:" + kafkaPort);
    int validate = ports.get(Function.VALIDATE);
    System.out.println(
        "   trades                  http://localhost:" + validate + "/api/v1/trades");
    System.out.println(
        "   statistics              http://localhost:" + validate + "/api/v1/statistics");
    System.out.println(
        "   audit log               http://localhost:" + validate + "/api/v1/audit-logs");
    System.out.println(
        "   aggregates              http://localhost:"
            + ports.get(Function.AGGREGATE)
            + "/api/v1/aggregates");
    System.out.println(
        "   reference data          http://localhost:"
            + ports.get(Function.ENRICH)
            + "/api/v1/reference/counterparties");
    for (Function function : Function.values()) {
      for (FunctionProcess instance : stack.instancesOf(function)) {
        System.out.printf(
            "   %-9s  CloudEvents POST http://localhost:%d/   health /q/health   metrics /q/metrics   OpenAPI /q/openapi%n",
            function.id(), instance.url("/").getPort());
      }
    }
  }

  /** A ready-to-use bearer token per role, for curl. */
  private static void printTokens(LocalIssuer issuer) {
    System.out.println(
        "\nBearer tokens for the REST APIs (valid "
            + LocalIssuer.LIFETIME.toHours()
            + " h; ./tradeflow token ROLE makes more):");
    for (String role : Roles.ALL) {
      System.out.printf("   %-15s %s%n", role, issuer.token("local-" + role, List.of(role)));
    }
    System.out.println(
        "   e.g. curl -H \"Authorization: Bearer <reader token>\""
            + " http://localhost:8082/api/v1/statistics");
  }

  /**
   * {@code token ROLE[,ROLE...] [--subject S]}: a token from the local issuer (its keys in {@code
   * <data-dir>/jwt}, made if missing), for the functions {@code run} starts.
   */
  static void token(Path dataDir, List<String> options) {
    String subject = option(options, "--subject", "local-user");
    if (options.isEmpty()) {
      System.err.println(
          "usage: ./tradeflow token ROLE[,ROLE...] [--subject S]; roles: " + Roles.ALL);
      System.exit(2);
    }
    List<String> roles = List.of(options.get(0).split(","));
    for (String role : roles) {
      if (!Roles.ALL.contains(role)) {
        System.err.println("unknown role '" + role + "'; roles: " + Roles.ALL);
        System.exit(2);
      }
    }
    System.out.println(
        LocalIssuer.inDirectory(dataDir.resolve(LocalStack.TOKEN_KEYS)).token(subject, roles));
  }

  /** {@code [N]} for the throughput comparison; {@code --rate R[,R...] --duration S} open loop. */
  static void benchPipeline(Path repo, List<String> options) throws Exception {
    String rates = option(options, "--rate", null);
    String duration = option(options, "--duration", "30");
    AotCache aotCache = aotCache(repo, options);
    if (rates != null) {
      FixedRateBenchmark.run(
          repo,
          aotCache,
          Arrays.stream(rates.split(",")).map(Integer::valueOf).toList(),
          java.time.Duration.ofSeconds(Long.parseLong(duration)),
          java.time.Duration.ofSeconds(
              Long.parseLong(
                  option(
                      options,
                      "--warm-up",
                      String.valueOf(FixedRateBenchmark.WARM_UP.toSeconds())))),
          baselines(options),
          lingerMs(options));
    } else {
      int instances = Integer.parseInt(option(options, "--instances", "1"));
      int warmUp = Integer.parseInt(option(options, "--warm-up-trades", "0"));
      PipelineBenchmark.run(
          repo,
          aotCache,
          new BenchLoad.Load(
              warmUp,
              options.isEmpty() || options.get(0).startsWith("--")
                  ? 20_000
                  : Integer.parseInt(options.get(0))),
          instances,
          options.contains("--tradeflow-only"));
    }
  }

  /**
   * The fixed-rate mode's {@code --linger-ms L}: how long the functions' producers and the relays'
   * linger; empty without it.
   */
  static OptionalInt lingerMs(List<String> options) {
    String linger = option(options, "--linger-ms", null);
    if (linger == null) {
      return OptionalInt.empty();
    }
    if (!linger.matches("\\d{1,5}")) {
      throw new IllegalArgumentException(
          "--linger-ms needs a whole number of milliseconds, 0 or more, not '" + linger + "'");
    }
    return OptionalInt.of(Integer.parseInt(linger));
  }

  /**
   * The fixed-rate mode's baselines: none with {@code --tradeflow-only}, else those {@code
   * --baselines} names ({@code interval,connector} by default).
   */
  static List<RelayShape> baselines(List<String> options) {
    String named = option(options, "--baselines", null);
    if (options.contains("--tradeflow-only")) {
      return List.of();
    }
    return named == null
        ? FixedRateBenchmark.BASELINES
        : Arrays.stream(named.split(",")).map(RelayShape::of).toList();
  }

  /**
   * With {@code --aot-cache}, the jars' functions start from their AOT caches, recorded first if
   * the jars are newer; native binaries have none.
   */
  private static AotCache aotCache(Path repo, List<String> options) throws Exception {
    if (!options.remove("--aot-cache") || FunctionProcess.NATIVE) {
      return AotCache.OFF;
    }
    AotTraining.ensure(repo);
    return AotCache.USE;
  }

  /** {@code --kills K --trades N [--seed S]}: kill -9 under load, then the end state checked. */
  static void chaos(Path repo, List<String> options) throws Exception {
    int kills = Integer.parseInt(option(options, "--kills", "20"));
    int instances = Integer.parseInt(option(options, "--instances", String.valueOf(RUN_INSTANCES)));
    int trades = Integer.parseInt(option(options, "--trades", "10000"));
    long seed =
        Long.parseLong(option(options, "--seed", String.valueOf(System.nanoTime() % 1_000_000)));
    ChaosRun.Outcome outcome;
    try (LocalStack stack = ChaosRun.startStack(repo, instances)) {
      outcome = new ChaosRun(stack, System.out).run(trades, kills, seed);
    }
    System.out.printf(
        "%nchaos: %,d sent, %d kills, settled in %.1f s: %s%n",
        outcome.sent(),
        outcome.kills().size(),
        outcome.settled().toMillis() / 1000.0,
        outcome.clean()
            ? "store and aggregates match the reference, nothing lost or counted twice"
            : outcome.differences().size() + " differences from the reference");
    outcome.differences().stream().limit(20).forEach(d -> System.out.println("   " + d));
    if (!outcome.clean()) {
      System.exit(1);
    }
  }

  private static String option(List<String> options, String name, String fallback) {
    int at = options.indexOf(name);
    if (at < 0) {
      return fallback;
    }
    if (at + 1 >= options.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    options.remove(at);
    return options.remove(at);
  }

  static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "port "
              + port
              + " is in use: is another tradeflow run going? Stop it, or free the port.");
    }
  }

  static void wipe(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
