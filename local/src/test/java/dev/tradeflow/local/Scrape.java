package dev.tradeflow.local;

/** Reads values out of a Prometheus scrape of {@code /q/metrics}. */
final class Scrape {

  private Scrape() {}

  /** The sum of the samples of {@code name} whose labels contain {@code label}; -1 if none. */
  static double metric(String scrape, String name, String label) {
    double sum = -1;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(name + "{") && line.contains(label)) {
        sum = Math.max(sum, 0) + Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
