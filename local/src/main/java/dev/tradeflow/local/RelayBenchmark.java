package dev.tradeflow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The plain relay, each hop its own JVM ({@code dev.tradeflow.peers.RelayHop}): what hops cost on
 * this broker when they do no work, in one of its two commit shapes.
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
        Path repo, Path logs, String bootstrap, String mode, int hopCount, OptionalInt lingerMs)
        throws InterruptedException {
      String prefix = "bench.relay-" + mode + "-" + System.currentTimeMillis();
      List<String> topics =
          IntStream.rangeClosed(0, hopCount).mapToObj(i -> prefix + "." + i).toList();
      BenchLoad.createTopics(bootstrap, topics, List.of(topics.getLast()));
      Relay relay = new Relay(topics, new ArrayList<>());
      for (int i = 0; i < hopCount; i++) {
        List<String> args =
            new ArrayList<>(List.of(bootstrap, topics.get(i), topics.get(i + 1), mode));
        lingerMs.ifPresent(linger -> args.add(String.valueOf(linger)));
        relay.hops.add(
            PeerProcess.start(
                repo,
                logs.resolve("relay-" + mode + "-" + i + ".log"),
                "dev.tradeflow.peers.RelayHop",
                args.toArray(String[]::new)));
      }
      Thread.sleep(3000); // the hops join their groups
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
    public void close() throws InterruptedException {
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
      Path repo, Path logs, String bootstrap, String mode, int trades, boolean cloudEventHeaders)
      throws Exception {
    try (Relay relay = Relay.start(repo, logs, bootstrap, mode, HOPS, OptionalInt.empty())) {
      ProcessCpu cpu = ProcessCpu.of(relay.pids());
      long start = System.currentTimeMillis();
      BenchLoad.send(bootstrap, relay.first(), "R-", "B1", trades, cloudEventHeaders);
      BenchLoad.Latencies latencies =
          BenchLoad.await(
              bootstrap, relay.last(), trades, r -> true, Duration.ofSeconds(60 + trades / 50));
      return PipelineRun.of(
          "plain relay, " + mode + (cloudEventHeaders ? ", CloudEvent headers" : ""),
          trades,
          (latencies.lastAppendedAt() - start) / 1000.0,
          latencies.quantile(0.5),
          latencies.quantile(0.99),
          cpu.spent(),
          cpu.spentByKind());
    }
  }
}
