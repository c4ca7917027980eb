package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.Function;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionProcessTest {

  @Test
  void aFunctionRunsTheSerialCollectorAsInItsOneCorePod() {
    assertThat(FunctionProcess.collector(List.of())).containsExactly("-XX:+UseSerialGC");
    assertThat(
            FunctionProcess.collector(
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseCompactObjectHeaders")))
        .containsExactly("-XX:+UseSerialGC");
  }

  @Test
  void aCollectorNamedInTheOptionsIsLeftAloneSinceTheJvmRefusesTwo() {
    assertThat(FunctionProcess.collector(List.of("-XX:+UseG1GC"))).isEmpty();
    assertThat(FunctionProcess.collector(List.of("-Xlog:gc", "-XX:+UseParallelGC"))).isEmpty();
    assertThat(FunctionProcess.collector(List.of("-XX:+UseZGC"))).isEmpty();
  }

  @Test
  void aFunctionHasTheHeapItsPodGivesItAndTheStatefulOnesMore() {
    assertThat(FunctionProcess.heapOf(Function.VALIDATE)).isEqualTo("-Xmx768m");
    assertThat(FunctionProcess.heapOf(Function.AGGREGATE)).isEqualTo("-Xmx768m");
    assertThat(FunctionProcess.heapOf(Function.ENRICH)).isEqualTo("-Xmx384m");
    assertThat(FunctionProcess.heapOf(Function.PARSE)).isEqualTo("-Xmx192m");
  }
}
