package dev.tradeflow.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;

/**
 * A relay, each hop its own JVM: what hops cost on this broker when they do no work, in one of the
 * {@link RelayShape}s.
 */
final class RelayBenchmark {

  static final int HOPS = 5;

  private RelayBenchmark() {}

  /**
   * Hops started on fresh topics of 3 partitions, {@code topics().getFirst()} the first hop's input
   * and {@code last()} the last hop's output, which stamps each record with its append time.
   */
  record Relay(List<String> topics, List<PeerProcess> hops) implements AutoCloseable {

    static Relay start(
        Path repo,
        Path logs,
        String bootstrap,
        RelayShape shape,
        int hopCount,
        OptionalInt lingerMs)
        throws InterruptedException {
      String prefix = "bench.relay-" + shape.id() + "-" + System.currentTimeMillis();
      List<String> topics =
          IntStream.rangeClosed(0, hopCount).mapToObj(i -> prefix + "." + i).toList();
      BenchLoad.createTopics(bootstrap, topics, List.of(topics.getLast()));
      Relay relay = new Relay(topics, new ArrayList<>());
      for (int i = 0; i < hopCount; i++) {
        relay.hops.add(
            shape.startHop(
                repo,
                logs.resolve("relay-" + shape.id() + "-" + i + ".log"),
                bootstrap,
                topics.get(i),
                topics.get(i + 1),
                lingerMs));
      }
      Thread.sleep(shape.joinWait().toMillis()); // the hops join their groups
      return relay;
    }

    String first() {
      return topics.getFirst();
    }

    String last() {
      return topics.getLast();
    }

    Map<String, Long> pids() {
      Map<String, Long> pids = new LinkedHashMap<>();
      for (int i = 0; i < hops.size(); i++) {
        pids.put("hop " + (i + 1), hops.get(i).pid());
      }
      return pids;
    }

    @Override
    public void close() {
      for (PeerProcess hop : hops) {
        hop.close();
      }
    }
  }

  /**
   * @param cloudEventHeaders whether each record carries the CloudEvent headers tradeflow writes
   *     (binary mode), which every hop copies
   */
  static PipelineRun run(
      Path repo,
      Path logs,
      String bootstrap,
      RelayShape shape,
      BenchLoad.Load load,
      boolean cloudEventHeaders)
      throws Exception {
    try (Relay relay = Relay.start(repo, logs, bootstrap, shape, HOPS, OptionalInt.empty())) {
      if (load.warmUp() > 0) {
        BenchLoad.send(bootstrap, relay.first(), "RW-", "B1", load.warmUp(), cloudEventHeaders);
        BenchLoad.await(
            bootstrap, relay.last(), load.warmUp(), r -> true, BenchLoad.Load.limit(load.warmUp()));
      }
      Map<TopicPartition, Long> measuredFrom = BenchLoad.endOffsets(bootstrap, relay.last());
      ProcessCpu cpu = ProcessCpu.of(relay.pids());
      long start = System.currentTimeMillis();
      BenchLoad.send(bootstrap, relay.first(), "R-", "B1", load.measured(), cloudEventHeaders);
      BenchLoad.Latencies latencies =
          BenchLoad.await(
              bootstrap,
              relay.last(),
              measuredFrom,
              load.measured(),
              r -> true,
              BenchLoad.Load.limit(load.measured()));
      return PipelineRun.of(
          shape.title() + (cloudEventHeaders ? ", CloudEvent headers" : ""),
          load.measured(),
          (latencies.lastAppendedAt() - start) / 1000.0,
          latencies.quantile(0.5),
          latencies.quantile(0.99),
          cpu.spent(),
          cpu.spentByKind());
    }
  }
}
