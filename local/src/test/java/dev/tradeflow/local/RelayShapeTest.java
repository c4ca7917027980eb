package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayShapeTest {

  @Test
  void everyRelayIsFoundByTheIdItIsStartedWith() {
    for (RelayShape shape : RelayShape.values()) {
      assertThat(RelayShape.of(shape.id())).isSameAs(shape);
    }
  }

  /** A plain hop takes its id as its mode ({@code RelayHop.Mode.of}: upper case, '-' to '_'). */
  @Test
  void everyPlainRelayIdSpellsTheModeOfItsHops() {
    for (RelayShape shape : RelayShape.values()) {
      if (shape != RelayShape.CONNECTOR) {
        assertThat(shape.id().toUpperCase().replace('-', '_')).isEqualTo(shape.name());
      }
    }
  }

  @Test
  void anUnknownRelayIsRefusedWithTheOnesThereAre() {
    assertThatThrownBy(() -> RelayShape.of("tx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no relay 'tx'")
        .hasMessageContaining("tx-interval")
        .hasMessageContaining("connector");
  }

  @Test
  void theFixedRateModeRunsBothRelaysUnlessToldOtherwise() {
    assertThat(LocalRun.baselines(options("--rate", "1000")))
        .containsExactly(RelayShape.INTERVAL, RelayShape.CONNECTOR);
    assertThat(LocalRun.baselines(options("--rate", "1000", "--tradeflow-only"))).isEmpty();
    assertThat(LocalRun.baselines(options("--baselines", "tx-interval,interval")))
        .containsExactly(RelayShape.TX_INTERVAL, RelayShape.INTERVAL);
  }

  @Test
  void lingerIsLeftToEachSideUnlessGivenAndThenMustBeWholeMilliseconds() {
    List<String> options = options("--rate", "1000", "--linger-ms", "0", "--tradeflow-only");
    assertThat(LocalRun.lingerMs(options)).hasValue(0);
    assertThat(options).containsExactly("--rate", "1000", "--tradeflow-only");
    assertThat(LocalRun.lingerMs(options("--rate", "1000"))).isEmpty();
    for (String bad : List.of("-1", "1.5", "five", "")) {
      assertThatThrownBy(() -> LocalRun.lingerMs(options("--linger-ms", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--linger-ms needs a whole number of milliseconds");
    }
    assertThatThrownBy(() -> LocalRun.lingerMs(options("--linger-ms")))
        .hasMessageContaining("--linger-ms needs a value");
  }

  private static List<String> options(String... given) {
    return new ArrayList<>(List.of(given));
  }
}
