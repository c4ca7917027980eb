package dev.tradeflow.local;

import dev.tradeflow.broker.KafkaUser;
import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import dev.tradeflow.issuer.LocalIssuer;
import dev.tradeflow.model.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A real KRaft broker with every tradeflow topic, and the five functions as processes. */
public final class LocalStack implements AutoCloseable {

  private final Path repo;
  private final Path kafkaDir;
  private final int kafkaPort;
  private final boolean temporary;
  private final Path logDir;
  private final Path tokenKeys;
  private final LocalIssuer issuer;
  private final String toolsToken;
  private LocalKafka kafka;
  private Map<String, String> settings = Map.of();
  private AotCache aotCache = AotCache.OFF;
  private final Map<Function, java.util.SortedMap<Integer, FunctionProcess>> functions =
      new EnumMap<>(Function.class);
  private final Map<Function, List<Integer>> ports = new EnumMap<>(Function.class);
  private final Map<Function, Integer> instances = new EnumMap<>(Function.class);

  /**
   * The functions that may run as several instances of one consumer group: each keeps all of its
   * state, and Kafka shares their input partitions out. Parse holds no state and could too; expire
   * stays one, so that one schedule sweeps.
   */
  public static final Set<Function> SCALABLE =
      Set.of(Function.VALIDATE, Function.ENRICH, Function.AGGREGATE);

  private LocalStack(Path repo, Path dataDir, int kafkaPort, boolean temporary) {
    this.repo = repo;
    this.kafkaDir = dataDir.resolve("kafka");
    this.kafkaPort = kafkaPort;
    this.temporary = temporary;
    this.logDir = dataDir.resolve("logs");
    this.tokenKeys = dataDir.resolve(TOKEN_KEYS);
    this.issuer = LocalIssuer.inDirectory(tokenKeys);
    this.toolsToken = issuer.token("tradeflow-local", Roles.ALL);
  }

  /** Where under the data directory the local token issuer keeps its key pair. */
  public static final String TOKEN_KEYS = "jwt";

  /**
   * The setting ({@link #withSettings}) for how long every producer of a function lingers to fill a
   * batch; the functions' own default is in their Kafka client configuration.
   */
  static final String LINGER_SETTING = "tradeflow.kafka.linger-ms";

  /** Starts the broker (data in {@code dataDir}) and creates the topics. */
  public static LocalStack startBroker(Path repo, Path dataDir, int kafkaPort, boolean temporary) {
    LocalStack stack = new LocalStack(repo, dataDir, kafkaPort, temporary);
    stack.kafka = LocalKafka.start(stack.kafkaDir, kafkaPort, temporary);
    stack.kafka.createCatalogueTopics();
    return stack;
  }

  /**
   * Starts the broker with a second listener on {@code securedPort} that takes only SASL
   * (SCRAM-SHA-512) over TLS, creates {@code user}, and creates the topics. The functions and the
   * local tools then reach Kafka through that listener as {@code user}.
   */
  public static LocalStack startSecuredBroker(
      Path repo, Path dataDir, int kafkaPort, int securedPort, KafkaUser user, boolean temporary) {
    LocalStack stack = new LocalStack(repo, dataDir, kafkaPort, temporary);
    stack.kafka = LocalKafka.startSecured(stack.kafkaDir, kafkaPort, securedPort, user, temporary);
    stack.kafka.createCatalogueTopics();
    return stack;
  }

  /**
   * Runs {@code count} instances of each {@link #SCALABLE} function from now on; the first takes
   * the port it is given, the others free ports.
   */
  public LocalStack withInstances(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one instance per function");
    }
    SCALABLE.forEach(f -> instances.put(f, count));
    return this;
  }

  /** How many instances of {@code function} run. */
  public int instances(Function function) {
    return instances.getOrDefault(function, 1);
  }

  /** Configuration every function started from now on gets, as {@code -Dname=value}. */
  public LocalStack withSettings(Map<String, String> settings) {
    this.settings = Map.copyOf(settings);
    return this;
  }

  /** How every function started from now on uses its AOT cache (none, by default). */
  LocalStack withAotCache(AotCache aotCache) {
    this.aotCache = aotCache;
    return this;
  }

  /** Stops the broker, as an outage would; its data stays. Only for a stack that keeps its data. */
  public void stopBroker() {
    if (temporary) {
      throw new IllegalStateException("a temporary broker deletes its data when it stops");
    }
    kafka.close();
  }

  /** Starts the broker again on the same port and data, after {@link #stopBroker()}. */
  public void restartBroker() {
    kafka =
        kafka
            .secured()
            .map(
                secured ->
                    LocalKafka.startSecured(
                        kafkaDir, kafkaPort, secured.port(), secured.user(), temporary))
            .orElseGet(() -> LocalKafka.start(kafkaDir, kafkaPort, temporary));
  }

  /**
   * Starts every function (each {@link #SCALABLE} one as {@link #instances} instances), each
   * instance on its own port, and waits until all are ready.
   */
  public void startFunctions(Map<Function, Integer> portByFunction, LocalDate businessDate) {
    for (Function function : Function.values()) {
      List<Integer> instancePorts = new ArrayList<>();
      instancePorts.add(portByFunction.get(function));
      while (instancePorts.size() < instances(function)) {
        instancePorts.add(LocalKafka.freePort());
      }
      ports.put(function, List.copyOf(instancePorts));
      for (int i = 0; i < instancePorts.size(); i++) {
        start(function, i, businessDate, kafka.clientConfig());
      }
    }
    awaitReady();
  }

  /** Starts one instance of {@code function} on {@code port}, without waiting for it. */
  public FunctionProcess start(Function function, int port, LocalDate businessDate) {
    ports.put(function, List.of(port));
    return start(function, 0, businessDate, kafka.clientConfig());
  }

  /** Starts every function, each on a free port, and waits until all are ready. */
  public void startFunctionsOnFreePorts(LocalDate businessDate) {
    Map<Function, Integer> free = new EnumMap<>(Function.class);
    for (Function function : Function.values()) {
      free.put(function, LocalKafka.freePort());
    }
    startFunctions(free, businessDate);
  }

  /**
   * Stops every instance of {@code function} and starts one again on the first port, logging in to
   * the secured listener as {@code user}, who may not be the broker's user: to see what a function
   * does with wrong credentials. Does not wait for it to be ready.
   */
  public FunctionProcess restartAs(KafkaUser user, Function function, LocalDate businessDate) {
    stop(function);
    return start(function, 0, businessDate, kafka.clientConfig(user));
  }

  private FunctionProcess start(
      Function function, int instance, LocalDate businessDate, Map<String, Object> kafkaClient) {
    Map<String, String> all = new HashMap<>(verification());
    all.putAll(settings);
    FunctionProcess process =
        FunctionProcess.start(
            repo,
            function,
            instance,
            ports.get(function).get(instance),
            kafkaClient,
            businessDate,
            logDir,
            all,
            toolsToken,
            aotCache.jvmOptions(repo, function));
    functions.computeIfAbsent(function, f -> new java.util.TreeMap<>()).put(instance, process);
    return process;
  }

  /**
   * Stops every instance of a function and starts them all again, as a redeploy or a new business
   * day would; waits until they are ready and returns the first.
   */
  public FunctionProcess restart(Function function, LocalDate businessDate) {
    stop(function);
    for (int i = 0; i < ports.get(function).size(); i++) {
      start(function, i, businessDate, kafka.clientConfig());
    }
    instancesOf(function).forEach(p -> p.awaitReady(Duration.ofSeconds(120)));
    return function(function);
  }

  /** kill -9 one instance, as a crash or an OOM kill would, then starts it again (no waiting). */
  public FunctionProcess killAndStart(Function function, int instance, LocalDate businessDate) {
    functions.get(function).get(instance).kill();
    return start(function, instance, businessDate, kafka.clientConfig());
  }

  /** Stops every instance of {@code function} (SIGTERM), if it runs. */
  public void stop(Function function) {
    stop(function, Duration.ofSeconds(15));
  }

  /** As {@link #stop(Function)}, giving each instance {@code patience} to exit by itself. */
  public void stop(Function function, Duration patience) {
    var running = functions.remove(function);
    if (running != null) {
      running.values().forEach(process -> process.close(patience));
    }
  }

  public void awaitReady() {
    all().forEach(f -> f.awaitReady(Duration.ofSeconds(120)));
  }

  /** The first instance of {@code function}: each instance holds all its state, so any answers. */
  public FunctionProcess function(Function function) {
    return functions.get(function).get(0);
  }

  /** Every running instance of {@code function}, in order. */
  public List<FunctionProcess> instancesOf(Function function) {
    var running = functions.get(function);
    return running == null ? List.of() : List.copyOf(running.values());
  }

  private List<FunctionProcess> all() {
    return functions.values().stream().flatMap(m -> m.values().stream()).toList();
  }

  /**
   * How the functions verify bearer tokens: the local issuer's public key file, issuer and
   * audience.
   */
  Map<String, String> verification() {
    return Map.of(
        "mp.jwt.verify.publickey.location",
        LocalIssuer.publicKeyFile(tokenKeys).toString(),
        "mp.jwt.verify.issuer",
        LocalIssuer.ISSUER,
        "mp.jwt.verify.audiences",
        LocalIssuer.AUDIENCE);
  }

  /** The local issuer, for tokens to print or to test with. */
  public LocalIssuer issuer() {
    return issuer;
  }

  public LocalKafka kafka() {
    return kafka;
  }

  public Path logDir() {
    return logDir;
  }

  @Override
  public void close() {
    all().parallelStream().forEach(FunctionProcess::close);
    functions.clear();
    kafka.close();
  }
}
