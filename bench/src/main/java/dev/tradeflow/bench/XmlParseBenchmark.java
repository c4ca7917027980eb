package dev.tradeflow.bench;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.parse.xml.XmlDecoder;
import dev.tradeflow.parse.xml.XmlSamples;
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

/** XML documents per second on one thread: the own trade format and an FpML swap. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class XmlParseBenchmark {

  private byte[] ownTrade;
  private byte[] fpmlSwap;
  private XmlDecoder decoder;

  @Setup
  public void setUp() {
    ownTrade =
        ("<trade xmlns=\"urn:tradeflow:trade:1\"><trade_id>X1</trade_id><version>1</version>"
                + "<counter_party_id>CP-1</counter_party_id><book_id>B1</book_id>"
                + "<maturity_date>2027-05-20</maturity_date><instrument>VOD.L</instrument>"
                + "<side>BUY</side><quantity>1000</quantity><price>72.15</price>"
                + "<currency>GBP</currency></trade>")
            .getBytes(StandardCharsets.UTF_8);
    fpmlSwap = XmlSamples.read("fpml-irs.xml").getBytes(StandardCharsets.UTF_8);
    decoder = new XmlDecoder(32, 4096, 10_000);
    for (byte[] document : List.of(ownTrade, fpmlSwap)) {
      BenchmarkInputs.requireRead(decoder.decode(document), "a benchmark document");
    }
  }

  @Benchmark
  public List<Decoded> ownTradeXml() {
    return decoder.decode(ownTrade);
  }

  @Benchmark
  public List<Decoded> fpmlInterestRateSwap() {
    return decoder.decode(fpmlSwap);
  }
}
