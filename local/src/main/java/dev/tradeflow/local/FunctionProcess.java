package dev.tradeflow.local;

import dev.tradeflow.events.Function;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged function app running as a child process, with its log in a file. */
public final class FunctionProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Function function;
  private final int port;
  private final Path log;
  private final Process process;
  private final String bearer;

  private FunctionProcess(Function function, int port, Path log, Process process, String bearer) {
    this.function = function;
    this.port = port;
    this.log = log;
    this.process = process;
    this.bearer = bearer;
  }

  /**
   * Starts {@code functions/<id>/target/quarkus-app/quarkus-run.jar} under {@code repo}.
   *
   * @param instance which instance of the function this is, from 0: its log is {@code <id>.log} for
   *     the first, {@code <id>-2.log} for the second
   * @param kafka the Kafka client settings: {@code bootstrap.servers} is passed as a system
   *     property; the rest (SASL, TLS) as {@code KAFKA_*} environment variables, as a Knative
   *     Service gets them from its Secret, so that no credential shows in the command line
   * @param businessDate pins the business date, or null for today in the business zone
   * @param settings more configuration properties, passed as {@code -Dname=value}
   * @param bearer the token {@link #get} and {@link #post} send to the REST API
   * @param jvmOptions options for this function's JVM (ignored for a native binary)
   */
  public static FunctionProcess start(
      Path repo,
      Function function,
      int instance,
      int port,
      Map<String, Object> kafka,
      LocalDate businessDate,
      Path logDir,
      Map<String, String> settings,
      String bearer,
      List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    Path executable = NATIVE ? nativeBinary(repo, function) : packagedJar(repo, function);
    if (NATIVE) {
      command.add(executable.toString());
    } else {
      command.add(javaExecutable());
      List<String> chosen = new ArrayList<>(jvmOptionsFor(function.id()));
      chosen.addAll(jvmOptions);
      command.addAll(jvmOptionsOf(function, chosen));
    }
    command.add("-Dkafka.bootstrap.servers=" + kafka.get("bootstrap.servers"));
    command.add("-Dquarkus.http.port=" + port);
    if (businessDate != null) {
      command.add("-Dtradeflow.business.date=" + businessDate);
    }
    settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
    if (!NATIVE) {
      command.add("-jar");
      command.add(executable.toString());
    }
    try {
      Files.createDirectories(logDir);
      Path log =
          logDir.resolve(function.id() + (instance == 0 ? "" : "-" + (instance + 1)) + ".log");
      ProcessBuilder builder = new ProcessBuilder(command);
      kafka.forEach(
          (name, value) -> {
            if (!name.equals("bootstrap.servers")) {
              builder.environment().put(environmentName(name), String.valueOf(value));
            }
          });
      Process process =
          ChildProcesses.start(
              builder
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())));
      return new FunctionProcess(function, port, log, process, bearer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code sasl.jaas.config} → {@code KAFKA_SASL_JAAS_CONFIG}, as Quarkus reads it back. */
  static String environmentName(String kafkaProperty) {
    return "KAFKA_" + kafkaProperty.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }

  /**
   * {@code -Dtradeflow.function.jvm-options="..."}: more options for each function's JVM, separated
   * by spaces (the integration tests start them with C1 only, to start faster). {@code {function}}
   * in an option becomes the function's id, for a file of its own (a JFR recording, an AOT cache).
   */
  static final List<String> JVM_OPTIONS =
      java.util.Arrays.stream(System.getProperty("tradeflow.function.jvm-options", "").split(" "))
          .filter(o -> !o.isBlank())
          .toList();

  /**
   * The share of its pod's memory a function's heap gets, {@code -XX:MaxRAMPercentage} in {@code
   * Dockerfile.jvm}.
   */
  static final int HEAP_PERCENT_OF_POD = 75;

  /**
   * A function's heap: {@link #HEAP_PERCENT_OF_POD} of its pod's memory on Knative ({@link
   * Function#memoryMiB}), what {@code Dockerfile.jvm} gives it there. The stateful functions hold
   * their state in it: validate's trade store about 640 bytes a trade.
   */
  static String heapOf(Function function) {
    return "-Xmx" + function.memoryMiB() * HEAP_PERCENT_OF_POD / 100 + "m";
  }

  /**
   * The C2 compiler's inlining budget for a function's JVM, smaller than the JVM's own (325
   * bytecodes for a hot callee, 2,500 bytes of compiled code, 15 levels deep), as in {@code
   * Dockerfile.jvm}. Each function JVM compiles the Kafka clients, the connector and its own path
   * for itself on a shared core, and with the JVM's budget its C2 compiler was still behind after
   * 500,000 trades; with this one it catches up, and a trade costs less from the first minute on
   * (README, "The JIT's inlining budget").
   */
  static final List<String> INLINING =
      List.of("-XX:FreqInlineSize=50", "-XX:InlineSmallCode=500", "-XX:MaxInlineLevel=9");

  /**
   * A function JVM's options: its heap, {@link #INLINING}, the {@link #collector} and then the
   * {@code chosen} ones, which come last so that the JVM takes theirs where they set the same flag.
   */
  static List<String> jvmOptionsOf(Function function, List<String> chosen) {
    List<String> options = new ArrayList<>();
    options.add(heapOf(function));
    options.addAll(INLINING);
    options.addAll(collector(chosen));
    options.addAll(chosen);
    return options;
  }

  /** {@link #JVM_OPTIONS} for the process named {@code name}: {@code {function}} becomes it. */
  static List<String> jvmOptionsFor(String name) {
    return JVM_OPTIONS.stream().map(option -> option.replace("{function}", name)).toList();
  }

  /**
   * The serial collector, tenuring what survives two young collections ({@code
   * -XX:MaxTenuringThreshold=1}, where the JVM's own threshold goes up to 15): the state a function
   * writes lives as long as the function, and each young pause copied it from survivor space to
   * survivor space four or five times before tenuring it. At 1,000 trades/s that shortened
   * aggregate's pauses by about a third (README, "The functions' own pauses").
   */
  static final List<String> SERIAL = List.of("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=1");

  /**
   * {@link #SERIAL}, unless {@code options} name a collector of their own: the one the JVM picks by
   * itself in a function's pod (a CPU limit of one core and at most 1 GiB, see {@code knative/}),
   * and the one the native binaries use. Against G1 on these two shared cores it cut tradeflow's
   * CPU per trade by about a tenth (README, "The serial collector").
   */
  static List<String> collector(List<String> options) {
    return options.stream().anyMatch(option -> option.matches("-XX:\\+Use\\w+GC"))
        ? List.of()
        : SERIAL;
  }

  /** {@code -Dtradeflow.native=true}: start the native binaries instead of the jars. */
  static final boolean NATIVE = Boolean.getBoolean("tradeflow.native");

  /** Where the build puts {@code function}'s runnable jar. */
  static Path jarOf(Path repo, Function function) {
    return repo.resolve("functions/" + function.id() + "/target/quarkus-app/quarkus-run.jar");
  }

  private static Path packagedJar(Path repo, Function function) {
    Path jar = jarOf(repo, function);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no packaged "
              + function.id()
              + " function at "
              + jar
              + ": build first (./mvnw install -DskipTests)");
    }
    return jar;
  }

  /** {@code functions/<id>/target/*-runner}, as {@code -Pnative} builds it. */
  static Path nativeBinary(Path repo, Function function) {
    Path target = repo.resolve("functions/" + function.id() + "/target");
    try (var files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-runner"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no native "
                          + function.id()
                          + " binary in "
                          + target
                          + ": build with -Pnative"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  public Function function() {
    return function;
  }

  public URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** Waits until {@code /q/health/ready} answers 200. */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            function.id() + " exited with " + process.exitValue() + "; see " + log);
      }
      if (isReady()) {
        return;
      }
      sleep(20);
    }
    throw new IllegalStateException(function.id() + " not ready after " + timeout + "; see " + log);
  }

  /** True if {@code /q/health/ready} answers 200 now. */
  public boolean isReady() {
    try {
      HttpResponse<String> ready =
          HTTP.send(
              HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      return ready.statusCode() == 200;
    } catch (IOException notYet) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * How many input partitions this instance handles ({@code tradeflow.kafka.input.partitions}); 0
   * if it does not answer.
   */
  public int inputPartitions() {
    try {
      for (String line : get("/q/metrics").body().split("\n")) {
        if (line.startsWith("tradeflow_kafka_input_partitions")) {
          return (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    } catch (RuntimeException notAnswering) {
      // not up, or going down
    }
    return 0;
  }

  /** A GET with the stack's bearer token. */
  public HttpResponse<String> get(String path) {
    return call(HttpRequest.newBuilder(url(path)).GET());
  }

  /** A JSON POST with the stack's bearer token. */
  public HttpResponse<String> post(String path, String json) {
    return post(path, "application/json", json);
  }

  /** A POST of {@code body} as {@code contentType}, with the stack's bearer token. */
  public HttpResponse<String> post(String path, String contentType, String body) {
    return call(
        HttpRequest.newBuilder(url(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> call(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request
              .header("Authorization", "Bearer " + bearer)
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the process: SIGTERM, then a forced kill if it has not gone in 15 s. */
  @Override
  public void close() {
    close(Duration.ofSeconds(15));
  }

  /** Stops the process: SIGTERM, then a forced kill if it has not gone in {@code patience}. */
  public void close(Duration patience) {
    ChildProcesses.stop(process, patience);
  }

  /** SIGKILL: no shutdown hook, nothing flushed, nothing committed. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
