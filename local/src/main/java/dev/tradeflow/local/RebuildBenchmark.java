package dev.tradeflow.local;

import dev.tradeflow.broker.LocalKafka;
import dev.tradeflow.events.Json;
import dev.tradeflow.events.StoredTradeJson;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.state.CompactedTopicStore;
import dev.tradeflow.state.ValueCodec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Loads N trades into a compacted topic of a real broker, then times a cold rebuild of the trade
 * store from it and measures the heap the rebuilt map holds. A program, not a test: run it with
 * {@code ./tradeflow bench-rebuild [N]}.
 */
public final class RebuildBenchmark {

  static final String TOPIC = "bench.trade-store";

  private RebuildBenchmark() {}

  public static void run(int trades) throws Exception {
    try (LocalKafka kafka = LocalKafka.startTemporary()) {
      kafka.createTopics(Map.of(TOPIC, true), 3);
      long loadStart = System.nanoTime();
      load(kafka.bootstrapServers(), trades);
      Duration load = Duration.ofNanos(System.nanoTime() - loadStart);
      System.out.printf("loaded %,d trades in %.1f s%n", trades, load.toMillis() / 1000.0);

      long heapBefore = usedHeap();
      CompactedTopicStore<StoredTrade> store =
          new CompactedTopicStore<>(
              TOPIC, Map.of("bootstrap.servers", kafka.bootstrapServers()), codec());
      long start = System.nanoTime();
      store.start();
      store.ready().get(10, TimeUnit.MINUTES);
      Duration rebuild = Duration.ofNanos(System.nanoTime() - start);
      long heapAfter = usedHeap();
      System.out.printf(
          "cold rebuild: %,d entries in %.2f s (%,.0f records/s); store's own timing %.2f s%n",
          store.size(),
          rebuild.toMillis() / 1000.0,
          store.size() / (rebuild.toNanos() / 1e9),
          store.status().rebuildDuration().toMillis() / 1000.0);
      System.out.printf(
          "heap held by the rebuilt map: %,.0f MiB, %,.0f bytes per trade%n",
          (heapAfter - heapBefore) / 1048576.0, (heapAfter - heapBefore) / (double) store.size());
      System.out.printf(
          "machine: %d cores, %s %s, max heap %,d MiB%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name"),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() / 1048576);
      store.close();
      Duration fetchOnly = rebuildRaw(kafka.bootstrapServers());
      System.out.printf(
          "then, JVM warm, fetch only (values kept as bytes, not decoded): %.2f s%n",
          fetchOnly.toMillis() / 1000.0);
    }
  }

  static void load(String bootstrap, int trades) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "linger.ms",
                20,
                "batch.size",
                512 * 1024,
                "acks",
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < trades; i++) {
        String id = "TRADE-" + i;
        Trade trade =
            new Trade(
                id,
                1 + i % 3,
                "CP-" + (i % 500),
                "BOOK-" + (i % 40),
                LocalDate.of(2027, 1, 1).plusDays(i % 3650),
                LocalDate.of(2026, 11, 21),
                false,
                new Economics(
                    "XS" + (1_000_000_000L + i % 10_000),
                    i % 2 == 0 ? Side.BUY : Side.SELL,
                    BigDecimal.valueOf(1_000_000L * (1 + i % 10)),
                    new BigDecimal("100.25"),
                    "EUR"));
        producer.send(new ProducerRecord<>(TOPIC, id, Json.write(new StoredTrade(trade, i + 1))));
      }
      producer.flush();
    }
  }

  /** The same rebuild with values kept as bytes: what Kafka costs without decoding. */
  static Duration rebuildRaw(String bootstrap) throws Exception {
    ValueCodec<byte[]> identity = ValueCodec.of(bytes -> bytes, bytes -> bytes);
    long start = System.nanoTime();
    try (CompactedTopicStore<byte[]> raw =
        new CompactedTopicStore<>(TOPIC, Map.of("bootstrap.servers", bootstrap), identity)) {
      raw.start();
      raw.ready().get(10, TimeUnit.MINUTES);
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  /** The trade store's own codec (see StateCodecs in shared/binding). */
  static ValueCodec<StoredTrade> codec() {
    return ValueCodec.of(Json::write, StoredTradeJson::read);
  }

  static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
