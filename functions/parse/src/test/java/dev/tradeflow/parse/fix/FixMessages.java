package dev.tradeflow.parse.fix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds FIX messages for tests: fields in the order given, BodyLength and CheckSum computed.
 * Tests, the differential corpus and the benchmarks make their messages here.
 */
public final class FixMessages {

  public static final char SOH = '\u0001';

  private final String beginString;
  private final List<String[]> fields = new ArrayList<>();

  private FixMessages(String beginString) {
    this.beginString = beginString;
  }

  public static FixMessages fix44(String msgType) {
    return new FixMessages("FIX.4.4").with(35, msgType);
  }

  public static FixMessages fixt11(String msgType) {
    return new FixMessages("FIXT.1.1").with(35, msgType);
  }

  public FixMessages with(int tag, String value) {
    fields.add(new String[] {Integer.toString(tag), value});
    return this;
  }

  public FixMessages with(int tag, int value) {
    return with(tag, Integer.toString(value));
  }

  /** The standard session header after 35: sender, target, sequence number, sending time. */
  public FixMessages header(int seqNum) {
    return with(49, "VENUE")
        .with(56, "TRADEFLOW")
        .with(34, seqNum)
        .with(52, "20261121-09:30:00.000");
  }

  public String body() {
    StringBuilder body = new StringBuilder();
    for (String[] field : fields) {
      body.append(field[0]).append('=').append(field[1]).append(SOH);
    }
    return body.toString();
  }

  /** The wire form with SOH separators. */
  public String build() {
    return frame(beginString, body());
  }

  public byte[] bytes() {
    return build().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The log form, {@code |} for SOH. */
  public String piped() {
    return build().replace(SOH, '|');
  }

  /** Frames a body (from 35 on, SOH-terminated) with 8, 9 and 10. */
  public static String frame(String beginString, String body) {
    String head = "8=" + beginString + SOH + "9=" + body.length() + SOH;
    return head + body + "10=" + checksum(head + body) + SOH;
  }

  public static String checksum(String upToChecksum) {
    int sum = 0;
    for (byte b : upToChecksum.getBytes(StandardCharsets.ISO_8859_1)) {
      sum += b & 0xFF;
    }
    return String.format("%03d", sum & 0xFF);
  }

  /** A valid FIX 4.4 trade capture report: our side buys from CP-1 into book B1. */
  public static FixMessages tradeCaptureReport(String tradeId, String transType) {
    return fix44("AE")
        .header(7)
        .with(571, tradeId)
        .with(487, transType)
        .with(570, "N")
        .with(55, "VOD.L")
        .with(48, "GB00BH4HKS39")
        .with(22, "4")
        .with(541, "20270520")
        .with(32, "1000")
        .with(31, "72.15")
        .with(75, "20261121")
        .with(60, "20261121-09:29:59.123")
        .with(64, "20261125")
        .with(552, 2)
        .with(54, "1")
        .with(37, "ORD-1")
        .with(453, 2)
        .with(448, "CP-1")
        .with(447, "D")
        .with(452, "17")
        .with(448, "B1")
        .with(447, "D")
        .with(452, "38")
        .with(15, "GBP")
        .with(54, "2")
        .with(37, "ORD-2");
  }

  /** A valid FIX 4.4 execution report for a fill: we sell to CP-2 from book B2. */
  public static FixMessages fill(String execId) {
    return fix44("8")
        .header(9)
        .with(37, "ORD-9")
        .with(17, execId)
        .with(150, "F")
        .with(39, "2")
        .with(453, 2)
        .with(448, "CP-2")
        .with(447, "D")
        .with(452, "17")
        .with(448, "B2")
        .with(447, "D")
        .with(452, "38")
        .with(55, "EUR/USD")
        .with(541, "20270315")
        .with(54, "2")
        .with(32, "5000000")
        .with(31, "1.0875")
        .with(15, "EUR")
        .with(151, "0")
        .with(14, "5000000")
        .with(6, "1.0875")
        .with(75, "20261121");
  }
}
