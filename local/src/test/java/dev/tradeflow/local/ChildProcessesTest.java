package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChildProcessesTest {

  @Test
  void stoppingEndsEveryChildStillRunning() throws Exception {
    Process child = ChildProcesses.start(new ProcessBuilder("sleep", "60"));
    Process done = ChildProcesses.start(new ProcessBuilder("true"));
    done.waitFor(5, TimeUnit.SECONDS);

    ChildProcesses.stopAll(Duration.ofSeconds(5));

    assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(128 + 15); // SIGTERM was enough
  }

  @Test
  void aChildThatIgnoresSigtermIsKilledOnceThePatienceIsUp() throws Exception {
    Process stubborn =
        ChildProcesses.start(new ProcessBuilder("bash", "-c", "trap '' TERM; exec sleep 60"));
    Thread.sleep(300); // let bash set the trap and exec

    long started = System.nanoTime();
    ChildProcesses.stopAll(Duration.ofMillis(500));

    assertThat(stubborn.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(stubborn.exitValue()).isEqualTo(128 + 9);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aJvmStoppedBySigtermTakesItsChildrenWithIt() throws Exception {
    Process parent =
        new ProcessBuilder(
                FunctionProcess.javaExecutable(),
                "-cp",
                System.getProperty("java.class.path"),
                Parent.class.getName())
            .redirectErrorStream(true)
            .start();
    ProcessHandle child = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      child = ProcessHandle.of(Long.parseLong(out.readLine().trim())).orElseThrow();
      assertThat(child.isAlive()).isTrue();

      parent.destroy(); // SIGTERM, as timeout(1) or a CI runner sends it

      assertThat(parent.waitFor(20, TimeUnit.SECONDS)).isTrue();
      child.onExit().get(10, TimeUnit.SECONDS);
      assertThat(child.isAlive()).isFalse();
    } finally {
      parent.destroyForcibly();
      if (child != null) {
        child.destroyForcibly(); // should it have outlived the parent, it must not outlive the test
      }
    }
  }

  /** A JVM that starts a child as the benchmarks do, says its pid, then waits to be stopped. */
  public static final class Parent {
    public static void main(String[] args) throws Exception {
      Process child = ChildProcesses.start(new ProcessBuilder("sleep", "120"));
      System.out.println(child.pid());
      System.out.flush();
      Thread.sleep(Duration.ofMinutes(2));
    }
  }
}
