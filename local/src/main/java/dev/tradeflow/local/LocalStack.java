package dev.tradeflow.local;

import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** A real KRaft broker with every tradeflow topic, and the five functions as processes. */
public final class LocalStack implements AutoCloseable {

  private final Path repo;
  private final LocalKafka kafka;
  private final Path logDir;
  private final Map<Function, FunctionProcess> functions = new EnumMap<>(Function.class);
  private final Map<Function, Integer> ports = new EnumMap<>(Function.class);

  private LocalStack(Path repo, LocalKafka kafka, Path logDir) {
    this.repo = repo;
    this.kafka = kafka;
    this.logDir = logDir;
  }

  /** Starts the broker (data in {@code dataDir}) and creates the topics. */
  public static LocalStack startBroker(Path repo, Path dataDir, int kafkaPort, boolean temporary) {
    LocalKafka kafka = LocalKafka.start(dataDir.resolve("kafka"), kafkaPort, temporary);
    kafka.createCatalogueTopics();
    return new LocalStack(repo, kafka, dataDir.resolve("logs"));
  }

  /** Starts every function, each on its own port, and waits until all are ready. */
  public void startFunctions(Map<Function, Integer> portByFunction, LocalDate businessDate) {
    for (Function function : Function.values()) {
      start(function, portByFunction.get(function), businessDate);
    }
    awaitReady();
  }

  public FunctionProcess start(Function function, int port, LocalDate businessDate) {
    ports.put(function, port);
    FunctionProcess process =
        FunctionProcess.start(repo, function, port, kafka.bootstrapServers(), businessDate, logDir);
    functions.put(function, process);
    return process;
  }

  /** Stops a function and starts it again, as a redeploy or a new business day would. */
  public FunctionProcess restart(Function function, LocalDate businessDate) {
    functions.remove(function).close();
    FunctionProcess process = start(function, ports.get(function), businessDate);
    process.awaitReady(Duration.ofSeconds(120));
    return process;
  }

  public void awaitReady() {
    functions.values().forEach(f -> f.awaitReady(Duration.ofSeconds(120)));
  }

  public FunctionProcess function(Function function) {
    return functions.get(function);
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
