package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * kill -9 under load, ten times, in the test command: a random function instance at a random
 * moment, started again each time; then the trade store and every aggregate must equal the
 * reference fold of what was sent. {@code ./tradeflow chaos --kills K --trades N} runs a longer one
 * by hand.
 */
class ChaosIT {

  static final int KILLS = 10;
  static final int TRADES = 2_000;

  /**
   * Validate, enrich and aggregate run two instances each, so a kill also hands partitions over to
   * the other instance, which must catch up with the state its peer wrote before deciding.
   */
  static final int INSTANCES = 2;

  @Test
  void killedFunctionsLoseNothingAndCountNothingTwice() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    long seed = Long.getLong("tradeflow.chaos.seed", System.nanoTime() % 1_000_000);
    try (LocalStack stack = ChaosRun.startStack(repo, INSTANCES)) {
      ChaosRun.Outcome outcome = new ChaosRun(stack, System.out).run(TRADES, KILLS, seed);

      System.out.printf(
          "chaos: %,d sent, %d kills, settled in %.1f s, %d differences%n",
          outcome.sent(),
          outcome.kills().size(),
          outcome.settled().toMillis() / 1000.0,
          outcome.differences().size());
      assertThat(outcome.kills()).hasSize(KILLS);
      assertThat(outcome.sent()).isEqualTo(TRADES);
      assertThat(outcome.differences())
          .as("the end state against the reference fold (seed %d)", seed)
          .isEmpty();
    }
  }
}
