package dev.tradeflow.local;

import dev.tradeflow.broker.KafkaUser;
import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import dev.tradeflow.issuer.LocalIssuer;
import dev.tradeflow.model.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

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
  private final Map<Function, FunctionProcess> functions = new EnumMap<>(Function.class);
  private final Map<Function, Integer> ports = new EnumMap<>(Function.class);

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

  /** Configuration every function started from now on gets, as {@code -Dname=value}. */
  public LocalStack withSettings(Map<String, String> settings) {
    this.settings = Map.copyOf(settings);
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

  /** Starts every function, each on its own port, and waits until all are ready. */
  public void startFunctions(Map<Function, Integer> portByFunction, LocalDate businessDate) {
    for (Function function : Function.values()) {
      start(function, portByFunction.get(function), businessDate);
    }
    awaitReady();
  }

  /** Starts every function, each on a free port, and waits until all are ready. */
  public void startFunctionsOnFreePorts(LocalDate businessDate) {
    Map<Function, Integer> free = new EnumMap<>(Function.class);
    for (Function function : Function.values()) {
      free.put(function, LocalKafka.freePort());
    }
    startFunctions(free, businessDate);
  }

  public FunctionProcess start(Function function, int port, LocalDate businessDate) {
    return start(function, port, businessDate, kafka.clientConfig());
  }

  /**
   * Stops {@code function} and starts it again on its port, logging in to the secured listener as
   * {@code user}, who may not be the broker's user: to see what a function does with wrong
   * credentials. Does not wait for it to be ready.
   */
  public FunctionProcess restartAs(KafkaUser user, Function function, LocalDate businessDate) {
    stop(function);
    return start(function, ports.get(function), businessDate, kafka.clientConfig(user));
  }

  private FunctionProcess start(
      Function function, int port, LocalDate businessDate, Map<String, Object> kafkaClient) {
    ports.put(function, port);
    Map<String, String> all = new HashMap<>(verification());
    all.putAll(settings);
    FunctionProcess process =
        FunctionProcess.start(
            repo, function, port, kafkaClient, businessDate, logDir, all, toolsToken);
    functions.put(function, process);
    return process;
  }

  /** Stops a function and starts it again, as a redeploy or a new business day would. */
  public FunctionProcess restart(Function function, LocalDate businessDate) {
    stop(function);
    FunctionProcess process = start(function, ports.get(function), businessDate);
    process.awaitReady(Duration.ofSeconds(120));
    return process;
  }

  /** kill -9, as a crash or an OOM kill would, then starts it again (without waiting). */
  public FunctionProcess killAndStart(Function function, LocalDate businessDate) {
    functions.remove(function).kill();
    return start(function, ports.get(function), businessDate);
  }

  /** Stops {@code function} (SIGTERM), if it runs. */
  public void stop(Function function) {
    FunctionProcess process = functions.remove(function);
    if (process != null) {
      process.close();
    }
  }

  public void awaitReady() {
    functions.values().forEach(f -> f.awaitReady(Duration.ofSeconds(120)));
  }

  public FunctionProcess function(Function function) {
    return functions.get(function);
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
    functions.values().parallelStream().forEach(FunctionProcess::close);
    functions.clear();
    kafka.close();
  }
}
