package dev.tradeflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void givesTheNameBasedUuidJavaGivesForTheSameSeed() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String seed = randomSeed(random);
      assertThat(EventIds.derive(seed))
          .as("seed %s", seed)
          .isEqualTo(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString());
    }
  }

  @Test
  void anEmptySeedAndANonAsciiSeedToo() {
    for (String seed : new String[] {"", "é\n€\n\uD83D\uDE00", "tradeflow.trade.parsed\n0"}) {
      assertThat(EventIds.derive(seed))
          .isEqualTo(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString());
    }
  }

  @Test
  void threadsDerivingAtOnceDoNotMixTheirDigests() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      var results =
          IntStream.range(0, 4)
              .mapToObj(
                  t ->
                      pool.submit(
                          () ->
                              IntStream.range(0, 5_000)
                                  .allMatch(
                                      i -> {
                                        String seed = "/parse\nT-" + t + "-" + i + "\ntype\n0";
                                        return EventIds.derive(seed)
                                            .equals(
                                                UUID.nameUUIDFromBytes(
                                                        seed.getBytes(StandardCharsets.UTF_8))
                                                    .toString());
                                      })))
              .toList();
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String randomSeed(Random random) {
    StringBuilder seed = new StringBuilder();
    int length = random.nextInt(120);
    for (int i = 0; i < length; i++) {
      seed.appendCodePoint(
          random.nextInt(10) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(95));
    }
    return seed.toString();
  }
}
