package dev.tradeflow.aggregate;

/** A book's position in one instrument; {@code book:instrument} on the position topic. */
public record PositionKey(String book, String instrument) {

  public String key() {
    return book + ":" + instrument;
  }
}
