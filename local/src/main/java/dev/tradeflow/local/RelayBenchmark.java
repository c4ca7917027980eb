package dev.tradeflow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The plain relay through five hops, each its own JVM ({@code dev.tradeflow.peers.RelayHop}): what
 * five hops cost on this broker when they do no work, in one of its two commit shapes.
 */
final class RelayBenchmark {

  static final int HOPS = 5;

  private RelayBenchmark() {}

  /**
   * @param cloudEventHeaders whether each record carries the CloudEvent headers tradeflow writes
   *     (binary mode), which every hop copies
   */
  static PipelineRun run(
      Path repo, Path logs, String bootstrap, String mode, int trades, boolean cloudEventHeaders)
      throws Exception {
    String prefix = "bench.relay-" + mode + "-" + System.currentTimeMillis();
    List<String> topics = IntStream.rangeClosed(0, HOPS).mapToObj(i -> prefix + "." + i).toList();
    String last = topics.get(HOPS);
    BenchLoad.createTopics(bootstrap, topics, List.of(last));
    List<PeerProcess> hops = new ArrayList<>();
    try {
      for (int i = 0; i < HOPS; i++) {
        hops.add(
            PeerProcess.start(
                repo,
                logs.resolve("relay-" + mode + "-" + i + ".log"),
                "dev.tradeflow.peers.RelayHop",
                bootstrap,
                topics.get(i),
                topics.get(i + 1),
                mode));
      }
      Thread.sleep(3000); // the hops join their groups
      Map<String, Long> pids = new LinkedHashMap<>();
      for (int i = 0; i < HOPS; i++) {
        pids.put("hop " + (i + 1), hops.get(i).pid());
      }
      ProcessCpu cpu = ProcessCpu.of(pids);
      long start = System.currentTimeMillis();
      BenchLoad.send(bootstrap, topics.get(0), "R-", "B1", trades, cloudEventHeaders);
      BenchLoad.Latencies latencies =
          BenchLoad.await(bootstrap, last, trades, r -> true, Duration.ofSeconds(60 + trades / 50));
      return PipelineRun.of(
          "plain relay, " + mode + (cloudEventHeaders ? ", CloudEvent headers" : ""),
          trades,
          (latencies.lastAppendedAt() - start) / 1000.0,
          latencies.quantile(0.5),
          latencies.quantile(0.99),
          cpu.spent(),
          cpu.spentByKind());
    } finally {
      for (PeerProcess hop : hops) {
        hop.close();
      }
    }
  }
}
