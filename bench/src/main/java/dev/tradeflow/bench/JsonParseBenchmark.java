package dev.tradeflow.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tradeflow.formats.Decoded;
import dev.tradeflow.formats.TradeJsonReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON trades per second on one thread: tradeflow's reader (every field rule, faults with pointers)
 * against plain Jackson databind into a record, which checks nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonParseBenchmark {

  /** What databind binds to: the wire fields, unchecked. */
  public record WireTrade(
      String tradeId,
      int version,
      @JsonProperty("counter_party_id") String counterpartyId,
      String bookId,
      String maturityDate,
      String createdDate,
      boolean expired,
      String instrument,
      String side,
      BigDecimal quantity,
      BigDecimal price,
      String currency) {}

  private byte[] minimal;
  private byte[] withEconomics;
  private TradeJsonReader reader;
  private ObjectMapper databind;

  @Setup
  public void setUp() {
    minimal =
        ("{\"trade_id\":\"T1\",\"version\":1,\"counter_party_id\":\"CP-1\",\"book_id\":\"B1\","
                + "\"maturity_date\":\"20/05/2027\",\"created_date\":\"2026-11-21\",\"expired\":false}")
            .getBytes(StandardCharsets.UTF_8);
    withEconomics =
        ("{\"trade_id\":\"T1\",\"version\":1,\"counter_party_id\":\"CP-1\",\"book_id\":\"B1\","
                + "\"maturity_date\":\"2027-05-20\",\"created_date\":\"2026-11-21\",\"expired\":false,"
                + "\"instrument\":\"VOD.L\",\"side\":\"BUY\",\"quantity\":1000,\"price\":72.15,"
                + "\"currency\":\"GBP\"}")
            .getBytes(StandardCharsets.UTF_8);
    reader = new TradeJsonReader();
    databind =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    BenchmarkInputs.requireRead(reader.read(withEconomics), "the benchmark trade");
  }

  @Benchmark
  public List<Decoded> minimalTradeflow() {
    return reader.read(minimal);
  }

  @Benchmark
  public List<Decoded> economicsTradeflow() {
    return reader.read(withEconomics);
  }

  @Benchmark
  public WireTrade economicsJacksonDatabind() throws Exception {
    return databind.readValue(withEconomics, WireTrade.class);
  }
}
