package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void countsTheCpuAChildProcessSpendsAfterCountingStarts() throws Exception {
    Process child = spin(200_000);
    try {
      ProcessCpu cpu = ProcessCpu.of(Map.of("spinner", child.pid()));
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      // gone now: a process the OS no longer tells about counts as none, never as negative
      assertThat(cpu.spent().get("spinner")).isGreaterThanOrEqualTo(Duration.ZERO);
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aProcessThatIsNotRunningIsRefusedByName() {
    assertThatThrownBy(() -> ProcessCpu.of(Map.of("hop 1", Long.MAX_VALUE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hop 1 is not running");
  }

  @Test
  void aThreadsTicksAreItsUserAndSystemTimeAfterItsName() {
    ProcessCpu.ThreadTicks compiler =
        ProcessCpu.ThreadTicks.parse(
            "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 1077936192 9 0 0 0 731 12 0 0 20 0 40 0");
    assertThat(compiler).isEqualTo(new ProcessCpu.ThreadTicks(ProcessCpu.Kind.JIT, 743));
    // a name with spaces and parentheses of its own
    ProcessCpu.ThreadTicks worker =
        ProcessCpu.ThreadTicks.parse(
            "4243 (a (b) c) R 1 4200 4200 0 -1 1077936192 9 0 0 0 5 6 0 0 20 0 40 0");
    assertThat(worker).isEqualTo(new ProcessCpu.ThreadTicks(ProcessCpu.Kind.WORK, 11));
    assertThatThrownBy(() -> ProcessCpu.ThreadTicks.parse("4244 no name here"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessCpu.ThreadTicks.parse("4245 (short) S 1 2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachProcessIsReportedPerTradeAndByKindWhereKnown() {
    Map<String, Duration> spent = new LinkedHashMap<>();
    spent.put("validate", Duration.ofMillis(500));
    spent.put("hop 1", Duration.ofMillis(200));
    Map<ProcessCpu.Kind, Duration> validate = new EnumMap<>(ProcessCpu.Kind.class);
    validate.put(ProcessCpu.Kind.JIT, Duration.ofMillis(100));
    validate.put(ProcessCpu.Kind.GC, Duration.ZERO);
    validate.put(ProcessCpu.Kind.WORK, Duration.ofMillis(400));

    String report = ProcessCpu.perTrade(spent, Map.of("validate", validate), 1000);

    assertThat(report.lines())
        .containsExactly(
            "   validate CPU 0.5 s, 500 µs per trade (jit 100 µs, gc 0 µs, work 400 µs)",
            "   hop 1 CPU 0.2 s, 200 µs per trade");
  }

  @Test
  void threadsAreSortedByWhatTheJvmNamesThem() {
    assertThat(ProcessCpu.Kind.ofThread("C1 CompilerThre")).isEqualTo(ProcessCpu.Kind.JIT);
    assertThat(ProcessCpu.Kind.ofThread("GC Thread#1")).isEqualTo(ProcessCpu.Kind.GC);
    assertThat(ProcessCpu.Kind.ofThread("G1 Conc#0")).isEqualTo(ProcessCpu.Kind.GC);
    assertThat(ProcessCpu.Kind.ofThread("VM Thread")).isEqualTo(ProcessCpu.Kind.GC);
    assertThat(ProcessCpu.Kind.ofThread("executor-thread")).isEqualTo(ProcessCpu.Kind.WORK);
    assertThat(ProcessCpu.Kind.ofThread("kafka-producer-")).isEqualTo(ProcessCpu.Kind.WORK);
  }

  @Test
  void aRunningProcessShowsTheCpuItSpentInAllAndByKindOfThread() throws Exception {
    Process child = spin(100_000_000);
    try {
      ProcessCpu cpu = ProcessCpu.of(Map.of("spinner", child.pid()));
      Thread.sleep(1_000);
      Duration spent = cpu.spent().get("spinner");
      assertThat(spent).isGreaterThan(Duration.ofMillis(100));
      assertThat(ProcessCpu.total(Map.of("a", spent, "b", spent))).isEqualTo(spent.multipliedBy(2));
      var byKind = cpu.spentByKind();
      if (!byKind.isEmpty()) { // Linux: the shell's one thread is work
        assertThat(byKind.get("spinner").get(ProcessCpu.Kind.WORK))
            .isGreaterThan(Duration.ofMillis(100));
        assertThat(ProcessCpu.sum(byKind).get(ProcessCpu.Kind.JIT)).isEqualTo(Duration.ZERO);
      }
    } finally {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * A shell that keeps one core busy counting to {@code count} (no child processes), then exits.
   */
  private static Process spin(long count) throws Exception {
    String script = "i=0; while [ $i -lt " + count + " ]; do i=$((i+1)); done";
    return new ProcessBuilder("sh", "-c", script).start();
  }
}
