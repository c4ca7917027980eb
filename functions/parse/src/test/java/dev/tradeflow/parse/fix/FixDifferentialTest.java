package dev.tradeflow.parse.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.formats.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Parse and QuickFIX/J (FIX 4.4 dictionary, validation on) must agree on every message of a seeded
 * corpus: accept or refuse, and when both accept, the same trade or cancel.
 */
class FixDifferentialTest {

  private static final int SAMPLES = 12_000;

  @Test
  void parseAgreesWithQuickFixJOnEveryMessage() {
    FixDecoder decoder = new FixDecoder(4096);
    QuickFixReference reference = new QuickFixReference();
    List<String> disagreements = new ArrayList<>();
    Map<String, int[]> tally = new TreeMap<>();

    for (FixCorpus.Sample sample : new FixCorpus(20261121L).samples(SAMPLES)) {
      Decoded ours =
          decoder.decode(sample.message().getBytes(StandardCharsets.ISO_8859_1)).getFirst();
      Optional<Decoded> expected = reference.expect(sample.message());
      boolean weAccept = !(ours instanceof Decoded.Fault);
      int[] counts = tally.computeIfAbsent(sample.kind(), k -> new int[2]);
      counts[weAccept ? 0 : 1]++;
      boolean agree = expected.map(ours::equals).orElse(!weAccept);
      if (!agree && disagreements.size() < 20) {
        disagreements.add(
            sample.kind()
                + ": ours="
                + ours
                + " quickfixj="
                + expected.map(Object::toString).orElse("refused")
                + "\n  "
                + sample.message().replace('\u0001', '|'));
      }
    }

    System.out.println(
        "FIX differential tally (kind=[accepted, refused]): "
            + tally.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.util.Arrays.toString(e.getValue()))
                .toList());
    assertThat(disagreements).as("disagreements (first 20)").isEmpty();
    // The corpus must exercise both verdicts, in bulk, for the agreement to mean something.
    int accepted = tally.values().stream().mapToInt(c -> c[0]).sum();
    int refused = tally.values().stream().mapToInt(c -> c[1]).sum();
    assertThat(accepted).as("accepted of " + tally).isGreaterThan(SAMPLES / 4);
    assertThat(refused).as("refused of " + tally).isGreaterThan(SAMPLES / 3);
  }
}
