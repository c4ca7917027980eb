package dev.tradeflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A main class of the peers module (the relay's hops, the Kafka Streams peer) as a process. */
final class PeerProcess implements AutoCloseable {

  private final Process process;

  private PeerProcess(Process process) {
    this.process = process;
  }

  static PeerProcess start(Path repo, Path log, String mainClass, String... args) {
    Path jar = repo.resolve("peers/target/tradeflow-peers.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + ": build first (./mvnw install -DskipTests)");
    }
    List<String> command = new ArrayList<>();
    command.add(FunctionProcess.javaExecutable());
    command.add("-Xmx256m");
    command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    command.add("-cp");
    command.add(jar.toString());
    command.add(mainClass);
    command.addAll(List.of(args));
    try {
      Files.createDirectories(log.getParent());
      return new PeerProcess(
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
