package dev.tradeflow.aggregate;

import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.Dimension;
import java.util.List;

/** One book or one counterparty. */
public record AggregateKey(Dimension dimension, String id) {

  /** The key on the aggregates topic: {@code book:B1}, {@code counterparty:CP-1}. */
  public String key() {
    return dimension.key(id);
  }

  public static List<AggregateKey> of(Contribution c) {
    return List.of(
        new AggregateKey(Dimension.BOOK, c.bookId()),
        new AggregateKey(Dimension.COUNTERPARTY, c.counterpartyId()));
  }
}
