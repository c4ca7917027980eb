package dev.tradeflow.bench;

import dev.tradeflow.formats.Decoded;
import java.util.List;

/** Checks, once at set-up, that a benchmark measures the path that reads a trade. */
final class BenchmarkInputs {

  private BenchmarkInputs() {}

  /** Fails the benchmark unless {@code decoded} starts with a trade read. */
  static void requireRead(List<Decoded> decoded, String what) {
    if (!(decoded.getFirst() instanceof Decoded.Read)) {
      throw new IllegalStateException(what + " does not parse: " + decoded.getFirst());
    }
  }
}
