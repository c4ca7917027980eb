package dev.tradeflow.bench;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.parse.fix.FixDecoder;
import dev.tradeflow.parse.fix.FixMessages;
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
import quickfix.DataDictionary;
import quickfix.Message;

/**
 * FIX 4.4 messages per second on one thread: tradeflow's reader (framing, structure, dictionary
 * checks and the mapping to a trade) against QuickFIX/J's parse plus validate on the same message.
 * QuickFIX/J is handed a ready-made String, which favours it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FixParseBenchmark {

  private byte[] tradeCaptureReport;
  private String tradeCaptureReportText;
  private byte[] fill;
  private String fillText;
  private FixDecoder decoder;
  private DataDictionary dictionary;

  @Setup
  public void setUp() throws Exception {
    tradeCaptureReportText = FixMessages.tradeCaptureReport("T1", "0").with(9100, 2).build();
    tradeCaptureReport = tradeCaptureReportText.getBytes(StandardCharsets.ISO_8859_1);
    fillText = FixMessages.fill("E1").build();
    fill = fillText.getBytes(StandardCharsets.ISO_8859_1);
    decoder = new FixDecoder(4096);
    dictionary = new DataDictionary("FIX44.xml");
    dictionary.setCheckUserDefinedFields(false);
    BenchmarkInputs.requireRead(decoder.decode(tradeCaptureReport), "the benchmark message");
    quickfixj(tradeCaptureReportText);
  }

  @Benchmark
  public List<Decoded> tradeCaptureReportTradeflow() {
    return decoder.decode(tradeCaptureReport);
  }

  @Benchmark
  public Message tradeCaptureReportQuickFixJ() throws Exception {
    return quickfixj(tradeCaptureReportText);
  }

  @Benchmark
  public List<Decoded> executionReportTradeflow() {
    return decoder.decode(fill);
  }

  @Benchmark
  public Message executionReportQuickFixJ() throws Exception {
    return quickfixj(fillText);
  }

  private Message quickfixj(String text) throws Exception {
    Message message = new Message();
    message.fromString(text, dictionary, true);
    dictionary.validate(message);
    return message;
  }
}
