package dev.tradeflow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How busy the machine's CPUs were between two readings of {@code /proc/stat} (Linux): the share of
 * all cores' time not spent idle or waiting for I/O. Empty where there is no {@code /proc/stat}.
 */
record CpuBusy(long busy, long total) {

  private static final Path STAT = Path.of("/proc/stat");

  static Optional<CpuBusy> now() {
    try {
      return Optional.of(parse(Files.readAllLines(STAT).get(0)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The first line of {@code /proc/stat}: {@code cpu user nice system idle iowait irq ...}. */
  static CpuBusy parse(String cpuLine) {
    String[] fields = cpuLine.trim().split("\\s+");
    if (!fields[0].equals("cpu") || fields.length < 6) {
      throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
    }
    long total = 0;
    for (int i = 1; i < fields.length; i++) {
      total += Long.parseLong(fields[i]);
    }
    long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
    return new CpuBusy(total - idle, total);
  }

  /** The busy share of the time since {@code earlier}, 0 to 1. */
  double since(CpuBusy earlier) {
    long total = this.total - earlier.total;
    return total <= 0 ? 0 : (double) (busy - earlier.busy) / total;
  }
}
