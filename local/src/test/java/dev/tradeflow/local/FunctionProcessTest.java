package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionProcessTest {

  @Test
  void aFunctionRunsTheSerialCollectorAsInItsOneCorePodTenuringStateEarly() {
    assertThat(FunctionProcess.collector(List.of()))
        .containsExactly("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=1");
    assertThat(
            FunctionProcess.collector(
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseCompactObjectHeaders")))
        .containsExactly("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=1");
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

  @Test
  void aFunctionCompilesWithTheSmallerInliningBudgetUnlessTheOptionsSetTheirOwn() {
    assertThat(FunctionProcess.jvmOptionsOf(Function.PARSE, List.of()))
        .containsExactly(
            "-Xmx192m",
            "-XX:FreqInlineSize=50",
            "-XX:InlineSmallCode=500",
            "-XX:MaxInlineLevel=9",
            "-XX:+UseSerialGC",
            "-XX:MaxTenuringThreshold=1");
    // the JVM takes the last value of a flag, so a chosen one follows the defaults
    assertThat(
            FunctionProcess.jvmOptionsOf(
                Function.VALIDATE, List.of("-XX:FreqInlineSize=325", "-XX:+UseG1GC")))
        .containsExactly(
            "-Xmx768m",
            "-XX:FreqInlineSize=50",
            "-XX:InlineSmallCode=500",
            "-XX:MaxInlineLevel=9",
            "-XX:FreqInlineSize=325",
            "-XX:+UseG1GC");
  }

  @Test
  void theJvmImageStartsAFunctionAsTheLocalRunDoes() throws Exception {
    String image = Files.readString(Path.of("../src-native-build/Dockerfile.jvm"));
    String entrypoint =
        image.lines().filter(line -> line.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
    for (String flag :
        FunctionProcess.jvmOptionsOf(Function.PARSE, List.of()).stream()
            .filter(option -> !option.startsWith("-Xmx"))
            .toList()) {
      assertThat(entrypoint).contains('"' + flag + '"');
    }
    assertThat(entrypoint)
        .contains('"' + "-XX:MaxRAMPercentage=" + FunctionProcess.HEAP_PERCENT_OF_POD + '"');
  }
}
