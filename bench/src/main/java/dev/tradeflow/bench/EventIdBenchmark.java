package dev.tradeflow.bench;

import dev.tradeflow.events.EventIds;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Event ids per second on one thread: {@link EventIds#derive} (one MD5 digest per thread) against
 * {@link UUID#nameUUIDFromBytes} (a digest looked up per id), which give the same ids.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventIdBenchmark {

  private final String seed =
      "/tradeflow/parse\n5f0c8d1e-2b7a-3c44-9e1f-0a6b7c8d9e0f\ntradeflow.trade.validated\n0";

  @Benchmark
  public String uuidNameFromBytes() {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Benchmark
  public String eventIdsDerive() {
    return EventIds.derive(seed);
  }
}
