package dev.tradeflow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time a pipeline's own processes spend over a run (the relay's hops, the Kafka Streams peer,
 * tradeflow's functions), read from the operating system, every thread counted: the JIT compilers
 * and collectors as well as the work. It moves less than a rate when other work shares the machine
 * (a contended core still makes each instruction dearer, so not by nothing). The broker and the
 * load run in the harness's own JVM: the throughput run leaves it out, the fixed-rate mode counts
 * it as a process of its own. On Linux each process's time is also split by what its threads do
 * ({@link Kind}), from {@code /proc/PID/task/TID/stat}.
 */
final class ProcessCpu {

  /** What a JVM thread spends its time on, by its name. */
  enum Kind {
    /** The C1 and C2 compiler threads. */
    JIT,
    /** The collector's threads and the VM thread, which runs its pauses. */
    GC,
    /** Every other thread: the program's own work, Kafka's clients among it. */
    WORK;

    static Kind ofThread(String name) {
      if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
        return JIT;
      }
      if (name.startsWith("GC Thread")
          || name.startsWith("G1 ")
          || name.startsWith("VM Thread")
          || name.startsWith("ZWorker")
          || name.startsWith("ZDirector")) {
        return GC;
      }
      return WORK;
    }
  }

  private static final Duration TICK = Duration.ofMillis(10); // USER_HZ, 100 on Linux

  private final Map<String, ProcessHandle> processes;
  private final Map<String, Duration> atStart;
  private final Map<String, Map<Long, ThreadTicks>> threadsAtStart;

  private ProcessCpu(Map<String, ProcessHandle> processes) {
    this.processes = processes;
    this.threadsAtStart = new HashMap<>();
    processes.forEach((name, process) -> threadsAtStart.put(name, threads(process.pid())));
    this.atStart = read(processes);
  }

  /** Starts counting for these processes, by name. */
  static ProcessCpu of(Map<String, Long> pids) {
    Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) ->
            processes.put(
                name,
                ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(name + " is not running"))));
    return new ProcessCpu(processes);
  }

  /** CPU each process spent since counting started, in the order given. */
  Map<String, Duration> spent() {
    Map<String, Duration> now = read(processes);
    Map<String, Duration> spent = new LinkedHashMap<>();
    now.forEach((name, total) -> spent.put(name, max0(total.minus(atStart.get(name)))));
    return spent;
  }

  /**
   * CPU each process spent since counting started, by {@link Kind}; empty where the OS does not
   * tell per thread. A thread that ended in between is not counted.
   */
  Map<String, Map<Kind, Duration>> spentByKind() {
    Map<String, Map<Kind, Duration>> spent = new LinkedHashMap<>();
    processes.forEach(
        (name, process) -> {
          Map<Long, ThreadTicks> before = threadsAtStart.get(name);
          Map<Long, ThreadTicks> now = threads(process.pid());
          if (now.isEmpty()) {
            return;
          }
          Map<Kind, Duration> byKind = noneOfEachKind();
          now.forEach(
              (tid, thread) -> {
                ThreadTicks earlier = before.get(tid);
                long ticks = thread.ticks() - (earlier == null ? 0 : earlier.ticks());
                byKind.merge(thread.kind(), TICK.multipliedBy(Math.max(0, ticks)), Duration::plus);
              });
          spent.put(name, byKind);
        });
    return spent;
  }

  /** Every process's time by kind, added up. */
  static Map<Kind, Duration> sum(Map<String, Map<Kind, Duration>> byProcess) {
    Map<Kind, Duration> sum = noneOfEachKind();
    byProcess.values().forEach(byKind -> byKind.forEach((k, d) -> sum.merge(k, d, Duration::plus)));
    return sum;
  }

  private static Map<Kind, Duration> noneOfEachKind() {
    Map<Kind, Duration> none = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      none.put(kind, Duration.ZERO);
    }
    return none;
  }

  /**
   * One line per process: the CPU it spent, in all and per trade, and per trade by kind where the
   * OS tells (for instance {@code validate CPU 12.3 s, 205 µs per trade (jit 61 µs, gc 9 µs, work
   * 135 µs)}).
   */
  static String perTrade(
      Map<String, Duration> spent, Map<String, Map<Kind, Duration>> byKind, int trades) {
    StringBuilder lines = new StringBuilder();
    spent.forEach(
        (name, cpu) ->
            lines.append(
                "   %s CPU %.1f s, %,.0f µs per trade%s%n"
                    .formatted(
                        name,
                        cpu.toNanos() / 1e9,
                        micros(cpu) / trades,
                        byKind.containsKey(name)
                            ? " (" + kindsPerTrade(byKind.get(name), trades) + ")"
                            : "")));
    return lines.toString();
  }

  private static String kindsPerTrade(Map<Kind, Duration> byKind, int trades) {
    return byKind.entrySet().stream()
        .map(
            e ->
                "%s %,.0f µs"
                    .formatted(
                        e.getKey().name().toLowerCase(Locale.ROOT), micros(e.getValue()) / trades))
        .collect(Collectors.joining(", "));
  }

  private static double micros(Duration cpu) {
    return cpu.toNanos() / 1000.0;
  }

  static Duration total(Map<String, Duration> spent) {
    return spent.values().stream().reduce(Duration.ZERO, Duration::plus);
  }

  private static Duration max0(Duration cpu) {
    return cpu.isNegative() ? Duration.ZERO : cpu;
  }

  /** A process whose CPU time the OS does not tell (or one that has gone) counts as none. */
  private static Map<String, Duration> read(Map<String, ProcessHandle> processes) {
    Map<String, Duration> cpu = new LinkedHashMap<>();
    processes.forEach(
        (name, process) -> cpu.put(name, process.info().totalCpuDuration().orElse(Duration.ZERO)));
    return cpu;
  }

  record ThreadTicks(Kind kind, long ticks) {

    /**
     * One line of {@code /proc/PID/task/TID/stat}: {@code tid (name) state ...}, user and system
     * ticks the 14th and 15th fields. The name may hold spaces and parentheses, so the fields after
     * it are counted from its last ')'.
     */
    static ThreadTicks parse(String stat) {
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      if (open < 0 || close < open) {
        throw new IllegalArgumentException("not a /proc stat line: " + stat);
      }
      String[] after = stat.substring(close + 2).trim().split("\\s+");
      if (after.length < 13) {
        throw new IllegalArgumentException("not a /proc stat line: " + stat);
      }
      long ticks = Long.parseLong(after[11]) + Long.parseLong(after[12]);
      return new ThreadTicks(Kind.ofThread(stat.substring(open + 1, close)), ticks);
    }
  }

  /** Each thread of the process by id, or none where there is no {@code /proc}. */
  private static Map<Long, ThreadTicks> threads(long pid) {
    Map<Long, ThreadTicks> threads = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (Stream<Path> each = Files.list(tasks)) {
      each.forEach(
          task -> {
            try {
              threads.put(
                  Long.parseLong(task.getFileName().toString()),
                  ThreadTicks.parse(Files.readString(task.resolve("stat"))));
            } catch (IOException | RuntimeException gone) {
              // the thread ended while being read
            }
          });
    } catch (IOException | RuntimeException noProc) {
      // not Linux, or the process has gone
    }
    return threads;
  }
}
