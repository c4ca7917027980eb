package dev.tradeflow.local;

import dev.tradeflow.events.Function;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The same work as tradeflow's five functions as one Kafka Streams topology ({@code
 * dev.tradeflow.peers.StreamsPeer}), at least once or exactly once (v2). A run ends when the count
 * of book B1 reaches N; latency is from sending a trade to its enriched record.
 */
final class StreamsPeerBenchmark {

  private StreamsPeerBenchmark() {}

  static PipelineRun run(
      Path repo, Path logs, String bootstrap, String guarantee, BenchLoad.Load load)
      throws Exception {
    String prefix =
        "bench.streams-" + guarantee.replace('_', '-') + "-" + System.currentTimeMillis();
    String received = prefix + ".received";
    String enriched = prefix + ".enriched";
    String byBook = prefix + ".count-by-book";
    BenchLoad.createTopics(
        bootstrap,
        List.of(
            received,
            prefix + ".counterparties",
            prefix + ".books",
            enriched,
            prefix + ".rejected",
            byBook,
            prefix + ".count-by-counterparty"),
        List.of(enriched, byBook));
    try (KafkaProducer<String, String> reference =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      for (String cp : List.of("CP-1", "CP-2", "CP-3")) {
        reference.send(
            new ProducerRecord<>(prefix + ".counterparties", cp, "{\"id\":\"" + cp + "\"}"));
      }
      reference.send(new ProducerRecord<>(prefix + ".books", "B1", "{\"id\":\"B1\"}"));
    }
    try (PeerProcess peer =
        PeerProcess.start(
            repo,
            logs.resolve("streams-" + guarantee + ".log"),
            // the stateful work of validate, enrich and aggregate in one JVM: the largest heap
            FunctionProcess.heapOf(Function.VALIDATE),
            "dev.tradeflow.peers.StreamsPeer",
            bootstrap,
            prefix,
            guarantee,
            Scenario.DAY_ONE.toString())) {
      Thread.sleep(5000); // the topology starts and reads its global tables
      if (load.warmUp() > 0) {
        BenchLoad.send(bootstrap, received, "SW-", load.warmUp());
        awaitCounted(bootstrap, byBook, load.warmUp(), BenchLoad.Load.limit(load.warmUp()));
      }
      Map<TopicPartition, Long> measuredFrom = BenchLoad.endOffsets(bootstrap, enriched);
      ProcessCpu cpu = ProcessCpu.of(Map.of("Kafka Streams peer", peer.pid()));
      long start = System.currentTimeMillis();
      BenchLoad.send(bootstrap, received, "S-", load.measured());
      Duration limit = BenchLoad.Load.limit(load.measured());
      BenchLoad.Latencies latencies =
          BenchLoad.await(bootstrap, enriched, measuredFrom, load.measured(), r -> true, limit);
      BenchLoad.Latencies counted =
          awaitCounted(bootstrap, byBook, load.warmUp() + load.measured(), limit);
      return PipelineRun.of(
          "Kafka Streams peer, " + guarantee.replace('_', '-'),
          load.measured(),
          (counted.lastAppendedAt() - start) / 1000.0,
          latencies.quantile(0.5),
          latencies.quantile(0.99),
          cpu.spent(),
          cpu.spentByKind());
    }
  }

  /** Waits until the peer's count of book B1 reaches {@code total}. */
  private static BenchLoad.Latencies awaitCounted(
      String bootstrap, String byBook, long total, Duration limit) {
    byte[] expected = java.nio.ByteBuffer.allocate(Long.BYTES).putLong(total).array();
    return BenchLoad.await(
        bootstrap,
        byBook,
        1,
        r -> "B1".equals(r.key()) && java.util.Arrays.equals(r.value(), expected),
        limit);
  }
}
