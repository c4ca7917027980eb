package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuBusyTest {

  @Test
  void theBusyShareIsEverythingButIdleAndIoWait() {
    CpuBusy before = CpuBusy.parse("cpu  100 0 50 800 50 0 0 0 0 0");
    CpuBusy after = CpuBusy.parse("cpu  400 0 150 1200 50 0 0 0 0 0");
    // 400 busy ticks (300 user, 100 system) of 800
    assertThat(after.since(before)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void noTimePassedIsNotBusy() {
    CpuBusy same = CpuBusy.parse("cpu 1 2 3 4 5 6 7");
    assertThat(same.since(same)).isZero();
  }

  @Test
  void aLineThatIsNotTheCpuTotalIsRefused() {
    assertThatThrownBy(() -> CpuBusy.parse("cpu0 1 2 3 4 5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the cpu line");
    assertThatThrownBy(() -> CpuBusy.parse("intr 12 13"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
