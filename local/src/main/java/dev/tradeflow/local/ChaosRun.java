package dev.tradeflow.local;

import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.state.CompactedTopicStore;
import dev.tradeflow.state.ValueCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * kill -9 under load: sends a {@link ChaosPlan}'s script at a steady rate through all five
 * functions while, {@code kills} times at random moments, a random function is killed with SIGKILL
 * and started again (each kill hits a function that is ready; the next may come while an earlier
 * victim is still rebuilding). The script goes out in kills + 1 chunks and each kill lands inside
 * one, so trades are flowing at every kill however long the restarts take. Then waits for the
 * pipeline to settle and compares the trade store topic and every aggregate with the plan's
 * reference fold: nothing lost, nothing counted twice, every trade at its last version. Bounded:
 * each chunk takes about 2.5 s, a victim is awaited at most 2 minutes, and settling at most {@link
 * #SETTLE}.
 */
final class ChaosRun {

  static final Duration SETTLE = Duration.ofMinutes(3);

  /** The functions a trade passes through (expire only wakes on ticks). */
  static final List<Function> VICTIMS =
      List.of(Function.PARSE, Function.VALIDATE, Function.ENRICH, Function.AGGREGATE);

  /** What happened, and every way the end state differs from the reference (none if clean). */
  record Outcome(int sent, List<String> kills, List<String> differences, Duration settled) {
    boolean clean() {
      return differences.isEmpty();
    }
  }

  private final LocalStack stack;
  private final PrintStream out;
  private volatile int sent;
  private volatile int allowed;

  /**
   * The race a wrong binding would lose, made wide: offsets committed every 100 ms (Kafka Streams'
   * interval) rather than every 5 s, and every write held 200 ms in its producer before it is sent.
   * A binding that acknowledged a batch before Kafka took its writes would then have committed past
   * writes still unsent at nearly every kill, and lost them.
   */
  static final Map<String, String> SETTINGS =
      Map.of(
          "mp.messaging.incoming.tradeflow-in.auto.commit.interval.ms",
          "100",
          LocalStack.LINGER_SETTING,
          "200");

  /**
   * A temporary broker and all five functions, validate, enrich and aggregate as {@code instances}
   * instances each, with the reference data loaded.
   */
  static LocalStack startStack(Path repo, int instances) throws IOException {
    Path data = Files.createTempDirectory("tradeflow-chaos-");
    LocalStack stack =
        LocalStack.startBroker(repo, data, LocalKafka.freePort(), true)
            .withSettings(SETTINGS)
            .withInstances(instances);
    stack.startFunctionsOnFreePorts(Scenario.DAY_ONE);
    SampleData.loadReferenceData(stack);
    return stack;
  }

  ChaosRun(LocalStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  Outcome run(int trades, int kills, long seed) throws Exception {
    ChaosPlan plan = ChaosPlan.random(trades, seed);
    Random random = new Random(seed);
    // the script in kills + 1 chunks, each sent in about 2.5 s; each kill lands inside a chunk
    int chunk = Math.max(1, trades / (kills + 1));
    int rate = Math.clamp(chunk * 2 / 5, 10, 1_000);
    out.printf(
        "chaos: %,d trade messages (%,d trades) at %d/s, %d kills (seed %d)%n",
        trades, plan.store().size(), rate, kills, seed);
    allowed = chunk;
    CompletableFuture<Integer> sending =
        CompletableFuture.supplyAsync(() -> send(plan, rate), runnable -> startDaemon(runnable));
    List<String> killed = new ArrayList<>();
    for (int i = 1; i <= kills; i++) {
      allowed = (i + 1) * chunk;
      awaitSent(i * chunk + random.nextInt(Math.max(1, chunk / 2)));
      Victim victim = readyVictim(random);
      FunctionProcess process = stack.instancesOf(victim.function()).get(victim.instance());
      stack.killAndStart(victim.function(), victim.instance(), Scenario.DAY_ONE);
      String line =
          "kill %d: %s (pid %d) after %,d sent"
              .formatted(i, victim.name(stack), process.pid(), sent);
      out.println("   " + line);
      killed.add(line);
    }
    allowed = trades;
    stack.awaitReady();
    int sentTotal = sending.get(10, TimeUnit.MINUTES);
    long settling = System.nanoTime();
    List<String> differences = awaitSettled(plan);
    Duration settled = Duration.ofNanos(System.nanoTime() - settling);
    return new Outcome(sentTotal, killed, differences, settled);
  }

  private void awaitSent(int count) {
    while (sent < Math.min(count, allowed)) {
      FunctionProcess.sleep(10);
    }
  }

  /** One instance of a function. */
  record Victim(Function function, int instance) {
    String name(LocalStack stack) {
      return stack.instances(function) == 1
          ? function.id()
          : function.id() + " instance " + (instance + 1);
    }
  }

  /** A random function instance among those ready: every kill hits one at work. */
  private Victim readyVictim(Random random) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      List<Victim> ready = new ArrayList<>();
      for (Function function : VICTIMS) {
        List<FunctionProcess> instances = stack.instancesOf(function);
        for (int i = 0; i < instances.size(); i++) {
          if (instances.get(i).isReady()) {
            ready.add(new Victim(function, i));
          }
        }
      }
      if (!ready.isEmpty()) {
        return ready.get(random.nextInt(ready.size()));
      }
      FunctionProcess.sleep(200);
    }
    throw new IllegalStateException("no function ready to kill within 2 minutes");
  }

  /** Sends the script at {@code rate}, never past {@link #allowed}: the kills set the pace. */
  private int send(ChaosPlan plan, int rate) {
    try (KafkaProducer<String, byte[]> producer =
        SampleData.producer(stack.kafka().clientConfig())) {
      List<ChaosPlan.Sent> script = plan.script();
      double tokens = 0;
      long last = System.nanoTime();
      while (sent < script.size()) {
        long now = System.nanoTime();
        tokens = Math.min(rate / 10.0, tokens + (now - last) * rate / 1e9);
        last = now;
        for (; tokens >= 1 && sent < Math.min(script.size(), allowed); tokens--) {
          ChaosPlan.Sent message = script.get(sent);
          producer.send(
              new ProducerRecord<>(
                  Topic.TRADE_RECEIVED.topicName(),
                  message.tradeId(),
                  message.json().getBytes(StandardCharsets.UTF_8)));
          sent++;
        }
        FunctionProcess.sleep(10);
      }
      producer.flush();
      return sent;
    }
  }

  private static Thread startDaemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "chaos-sender");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Follows the trade store and aggregates topics until they match the plan, or time runs out. */
  private List<String> awaitSettled(ChaosPlan plan) throws Exception {
    Map<String, Object> kafka = stack.kafka().clientConfig();
    try (CompactedTopicStore<StoredTrade> store =
            new CompactedTopicStore<>(
                Topic.TRADE_STORE.topicName(), kafka, json(StoredTrade.class));
        CompactedTopicStore<Aggregate> aggregates =
            new CompactedTopicStore<>(Topic.AGGREGATES.topicName(), kafka, json(Aggregate.class));
        AuditTrail audit = new AuditTrail(stack.kafka().clientConfig())) {
      store.start();
      aggregates.start();
      store.ready().get(2, TimeUnit.MINUTES);
      aggregates.ready().get(2, TimeUnit.MINUTES);
      long deadline = System.nanoTime() + SETTLE.toNanos();
      List<String> differences = compare(plan, store, aggregates, audit.decided());
      while (!differences.isEmpty() && System.nanoTime() < deadline) {
        FunctionProcess.sleep(500);
        differences = compare(plan, store, aggregates, audit.decided());
      }
      return differences;
    }
  }

  private static <V> ValueCodec<V> json(Class<V> type) {
    return ValueCodec.of(Json::write, bytes -> Json.read(bytes, type));
  }

  static List<String> compare(
      ChaosPlan plan,
      CompactedTopicStore<StoredTrade> store,
      CompactedTopicStore<Aggregate> aggregates,
      java.util.Set<String> decided) {
    List<String> differences = new ArrayList<>();
    plan.script().stream()
        .map(sent -> AuditTrail.key(sent.tradeId(), sent.version()))
        .distinct()
        .filter(version -> !decided.contains(version))
        .forEach(version -> differences.add(version + ": sent, never decided on by validate"));
    plan.store()
        .forEach(
            (id, expected) -> {
              StoredTrade stored = store.get(id).orElse(null);
              if (stored == null) {
                differences.add(id + ": lost (expected v" + expected.version() + ")");
              } else if (!matches(stored, expected)) {
                differences.add(id + ": stored " + stored.trade() + ", expected " + expected);
              }
            });
    Map<String, Long> live = new TreeMap<>();
    aggregates.forEach(
        (key, aggregate) -> live.put(ChaosPlan.key(aggregate), aggregate.liveTrades()));
    plan.liveCounts()
        .forEach(
            (key, expected) -> {
              long actual = live.getOrDefault(key, 0L);
              if (actual != expected) {
                differences.add(key + ": " + actual + " live trades, expected " + expected);
              }
            });
    return differences;
  }

  private static boolean matches(StoredTrade stored, ChaosPlan.Sent expected) {
    return stored.trade().version() == expected.version()
        && Objects.equals(stored.trade().bookId(), expected.bookId())
        && Objects.equals(stored.trade().counterpartyId(), expected.counterpartyId());
  }
}
