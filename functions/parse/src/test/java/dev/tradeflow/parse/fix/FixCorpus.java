package dev.tradeflow.parse.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded corpus of FIX 4.4 trade messages: valid trade capture reports (new, replace, cancel) and
 * execution reports (fill, correction, cancel) with varied optional fields, and each of them again
 * with one mutation that a strict reader must catch, or that it must let through.
 */
public final class FixCorpus {

  /** One message and what was done to it. */
  public record Sample(String kind, String message) {}

  private final Random random;

  public FixCorpus(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} samples: about a third valid, the rest mutated. */
  public List<Sample> samples(int count) {
    List<Sample> samples = new ArrayList<>(count);
    while (samples.size() < count) {
      String valid = random.nextBoolean() ? tradeCaptureReport() : executionReport();
      samples.add(new Sample("well-formed", valid));
      for (int i = 0; i < 2 && samples.size() < count; i++) {
        samples.add(mutate(valid));
      }
    }
    return samples;
  }

  /** A valid message, either kind. */
  public String valid() {
    return random.nextBoolean() ? tradeCaptureReport() : executionReport();
  }

  String tradeCaptureReport() {
    String transType = pick("0", "0", "0", "2", "1");
    String id = "T" + random.nextInt(1_000_000);
    FixMessages m = FixMessages.fix44("AE").header(1 + random.nextInt(100_000));
    m.with(571, transType.equals("0") ? id : id + "-R" + random.nextInt(10));
    m.with(487, transType);
    if (!transType.equals("0") || random.nextInt(4) == 0) {
      m.with(572, id);
    }
    m.with(570, pick("N", "Y"));
    m.with(55, pick("VOD.L", "IBM", "EUR/USD", "BUND-2027"));
    if (random.nextBoolean()) {
      m.with(48, "GB00" + random.nextInt(100_000_000)).with(22, "4");
    }
    if (random.nextInt(3) > 0) {
      m.with(541, date(2027, 2030));
    }
    m.with(32, quantity()).with(31, price());
    m.with(75, date(2026, 2026));
    m.with(60, "20261121-09:" + two(60) + ":" + two(60) + ".000");
    if (random.nextBoolean()) {
      m.with(64, date(2026, 2027));
    }
    if (random.nextInt(3) > 0) {
      m.with(9100, 1 + random.nextInt(20));
    }
    int sides = 1 + random.nextInt(2);
    m.with(552, sides);
    for (int s = 0; s < sides; s++) {
      m.with(54, s == 0 ? pick("1", "2") : pick("1", "2")).with(37, "ORD-" + random.nextInt(1000));
      if (s == 0) {
        parties(m);
        m.with(15, pick("GBP", "EUR", "USD"));
      }
    }
    return m.build();
  }

  String executionReport() {
    String execType = pick("F", "F", "F", "G", "H");
    FixMessages m = FixMessages.fix44("8").header(1 + random.nextInt(100_000));
    m.with(37, "ORD-" + random.nextInt(1000));
    m.with(17, "E" + random.nextInt(1_000_000));
    if (!execType.equals("F")) {
      m.with(19, "E" + random.nextInt(1_000_000));
    }
    m.with(150, execType).with(39, pick("1", "2"));
    parties(m);
    m.with(55, pick("VOD.L", "IBM", "EUR/USD"));
    if (random.nextBoolean()) {
      m.with(541, date(2027, 2030));
    }
    m.with(54, pick("1", "2"));
    m.with(32, quantity()).with(31, price()).with(15, pick("GBP", "EUR", "USD"));
    m.with(151, "0").with(14, quantity()).with(6, price());
    m.with(75, date(2026, 2026));
    if (random.nextBoolean()) {
      m.with(64, date(2026, 2027));
    }
    if (random.nextBoolean()) {
      m.with(9100, 1 + random.nextInt(20));
    }
    return m.build();
  }

  /**
   * Counterparty (17) and book, in either order, sometimes with an executing firm (1). The book is
   * a Position Account (38) party, or Account (1) after the parties as many venues send it, or both
   * (then the party names it).
   */
  private void parties(FixMessages m) {
    List<String[]> parties = new ArrayList<>();
    parties.add(new String[] {"CP-" + random.nextInt(50), "17"});
    int bookIn = random.nextInt(4); // 0: Account only, 1: both, 2 and 3: the party only
    if (bookIn > 0) {
      parties.add(new String[] {"B" + random.nextInt(20), "38"});
    }
    if (random.nextBoolean()) {
      parties.add(random.nextInt(parties.size() + 1), new String[] {"DESK-1", "1"});
    }
    if (random.nextBoolean()) {
      parties.add(parties.removeFirst());
    }
    m.with(453, parties.size());
    for (String[] party : parties) {
      m.with(448, party[0]).with(447, "D").with(452, party[1]);
    }
    if (bookIn <= 1) {
      m.with(1, (bookIn == 0 ? "B" : "ACCT-") + random.nextInt(20));
    }
  }

  /** One mutation of a valid message; most are faults, a few must still pass. */
  public Sample mutate(String valid) {
    List<String[]> fields = fields(valid);
    int body = 2 + random.nextInt(fields.size() - 3);
    String kind =
        pick(
            "checksum",
            "body-length",
            "drop-field",
            "repeat-field",
            "garbage-value",
            "empty-value",
            "swap-fields",
            "group-count",
            "unknown-tag",
            "user-defined-tag",
            "bad-date",
            "bad-enum",
            "side-short",
            "huge-value",
            "truncate",
            "drop-party-role");
    switch (kind) {
      case "checksum" -> {
        String framed = valid;
        String sum = framed.substring(framed.length() - 4, framed.length() - 1);
        return new Sample(
            kind,
            framed.substring(0, framed.length() - 4)
                + String.format("%03d", (Integer.parseInt(sum) + 1 + random.nextInt(254)) % 256)
                + FixMessages.SOH);
      }
      case "body-length" -> {
        String bodyText = join(fields.subList(2, fields.size() - 1));
        String head =
            "8=FIX.4.4"
                + FixMessages.SOH
                + "9="
                + (bodyText.length() + pick(-1, 1, 7))
                + FixMessages.SOH;
        return new Sample(
            kind,
            head + bodyText + "10=" + FixMessages.checksum(head + bodyText) + FixMessages.SOH);
      }
      case "truncate" -> {
        return new Sample(kind, valid.substring(0, random.nextInt(valid.length())));
      }
      case "drop-field" -> fields.remove(body);
      case "repeat-field" -> fields.add(body + 1, fields.get(body).clone());
      case "garbage-value" ->
          fields.get(body)[1] = pick("X1!", "-", "1.2.3", "abc", "+5", "20261321");
      case "empty-value" -> fields.get(body)[1] = "";
      case "swap-fields" -> {
        String[] moved = fields.remove(body);
        fields.add(Math.min(fields.size() - 1, body + 1), moved);
      }
      case "group-count" -> {
        for (String[] field : fields) {
          if (field[0].equals("453") || field[0].equals("552")) {
            field[1] = Integer.toString(Integer.parseInt(field[1]) + pick(-1, 1));
            break;
          }
        }
      }
      case "unknown-tag" -> fields.add(body, new String[] {pick("4999", "59", "40", "1003"), "1"});
      case "user-defined-tag" -> fields.add(fields.size() - 1, new String[] {"7001", "desk"});
      case "bad-date" ->
          replaceValue(fields, pick("541", "75", "64"), pick("20270230", "2027-05-20", "20271"));
      case "bad-enum" ->
          replaceValue(fields, pick("570", "487", "54", "150", "452", "22"), pick("Q", "99"));
      case "side-short" -> replaceValue(fields, "54", "5");
      case "huge-value" -> fields.get(body)[1] = "9".repeat(pick(12, 40, 400));
      case "drop-party-role" -> replaceValue(fields, "452", "3");
      default -> throw new IllegalStateException(kind);
    }
    return new Sample(
        kind, FixMessages.frame("FIX.4.4", join(fields.subList(2, fields.size() - 1))));
  }

  private static void replaceValue(List<String[]> fields, String tag, String value) {
    for (String[] field : fields) {
      if (field[0].equals(tag)) {
        field[1] = value;
        return;
      }
    }
  }

  private static List<String[]> fields(String message) {
    List<String[]> fields = new ArrayList<>();
    for (String field : message.split(String.valueOf(FixMessages.SOH))) {
      int eq = field.indexOf('=');
      fields.add(new String[] {field.substring(0, eq), field.substring(eq + 1)});
    }
    return fields;
  }

  private static String join(List<String[]> fields) {
    StringBuilder out = new StringBuilder();
    for (String[] field : fields) {
      out.append(field[0]).append('=').append(field[1]).append(FixMessages.SOH);
    }
    return out.toString();
  }

  private String quantity() {
    return random.nextBoolean()
        ? Integer.toString(1 + random.nextInt(1_000_000))
        : (1 + random.nextInt(10_000)) + "." + random.nextInt(100);
  }

  private String price() {
    return random.nextInt(500) + "." + two(100) + random.nextInt(10);
  }

  private String date(int fromYear, int toYear) {
    int year = fromYear + random.nextInt(toYear - fromYear + 1);
    return year + two(12, 1) + two(28, 1);
  }

  private String two(int bound) {
    return two(bound, 0);
  }

  private String two(int bound, int offset) {
    return String.format("%02d", offset + random.nextInt(bound));
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
