package dev.tradeflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A main class of the peers module (the plain relay's hops, the Kafka Streams peer), or the relay
 * hop of the peers-quarkus module, as a process.
 */
final class PeerProcess implements AutoCloseable {

  /**
   * The heap of a relay hop: the 256 MB every JVM the tool started had before the functions got
   * their pods' heaps, so that the baseline stays what it was (a hop holds no state).
   */
  static final String HOP_HEAP = "-Xmx256m";

  private final Process process;

  private PeerProcess(Process process) {
    this.process = process;
  }

  /**
   * A main class of the peers module. It takes the functions' JVM options too ({@link
   * FunctionProcess#JVM_OPTIONS}, {@code {function}} becoming the log's name), so that a baseline
   * is measured, and profiled, as the functions are: with the same JIT flags or AOT caches. {@code
   * heap} is its {@code -Xmx} option.
   */
  static PeerProcess start(Path repo, Path log, String heap, String mainClass, String... args) {
    List<String> command = jvm(log, heap);
    command.add("-cp");
    command.add(built(repo.resolve("peers/target/tradeflow-peers.jar")).toString());
    command.add(mainClass);
    command.addAll(List.of(args));
    return launch(command, log);
  }

  /**
   * The Quarkus relay hop ({@code peers-quarkus}), configured by {@code -Dname=value}. It takes the
   * functions' JVM options too ({@link FunctionProcess#JVM_OPTIONS}, {@code {function}} becoming
   * the log's name), since it stands for a function without its work: measured, and profiled,
   * alike.
   */
  static PeerProcess startConnectorHop(Path repo, Path log, Map<String, String> settings) {
    List<String> command = jvm(log, HOP_HEAP);
    settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-jar");
    command.add(built(repo.resolve("peers-quarkus/target/quarkus-app/quarkus-run.jar")).toString());
    return launch(command, log);
  }

  private static List<String> jvm(Path log, String heap) {
    List<String> command = new ArrayList<>();
    command.add(FunctionProcess.javaExecutable());
    command.add(heap);
    command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    command.addAll(
        FunctionProcess.jvmOptionsFor(log.getFileName().toString().replaceFirst("\\.log$", "")));
    return command;
  }

  private static Path built(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + ": build first (./mvnw install -DskipTests)");
    }
    return jar;
  }

  private static PeerProcess launch(List<String> command, Path log) {
    try {
      Files.createDirectories(log.getParent());
      return new PeerProcess(
          ChildProcesses.start(
              new ProcessBuilder(command)
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, Duration.ofSeconds(10));
  }
}
