package dev.tradeflow.events;

/**
 * Every Kafka topic tradeflow uses: the one place their names are written. Event topics are named
 * after the CloudEvent type they carry. State topics are compacted and have exactly one writer.
 */
public enum Topic {
  TRADE_RECEIVED("tradeflow.trade.received", Kind.EVENTS),
  /**
   * Parsed trades and cancel requests: one topic, so that a trade and its cancel, keyed alike, keep
   * their order on the way to validate.
   */
  TRADE_PARSED("tradeflow.trade.parsed", Kind.EVENTS),
  TRADE_VALIDATED("tradeflow.trade.validated", Kind.EVENTS),
  TRADE_REJECTED("tradeflow.trade.rejected", Kind.EVENTS),
  TRADE_ENRICHED("tradeflow.trade.enriched", Kind.EVENTS),
  TRADE_EXPIRED("tradeflow.trade.expired", Kind.EVENTS),
  TRADE_DELETED("tradeflow.trade.deleted", Kind.EVENTS),
  AGGREGATE_UPDATED("tradeflow.aggregate.updated", Kind.EVENTS),
  EXPIRY_TICK("tradeflow.expiry.tick", Kind.EVENTS),
  /**
   * Events a function kept failing, after the Trigger's retries (Knative's dead-letter sink), and
   * poison records of the Kafka binding, with the reason in headers.
   */
  DEAD_LETTER("tradeflow.dead-letter", Kind.EVENTS),
  /** Every trade-store decision, in order: an append-only log, not compacted. */
  AUDIT("tradeflow.audit", Kind.EVENTS),
  /** tradeId to latest accepted trade. Written by validate only. */
  TRADE_STORE("tradeflow.state.trade-store", Kind.COMPACTED),
  /** Counterparty id to counterparty. Written by the reference-data loader only. */
  COUNTERPARTIES("tradeflow.refdata.counterparties", Kind.COMPACTED),
  /** Book id to book. Written by the reference-data loader only. */
  BOOKS("tradeflow.refdata.books", Kind.COMPACTED),
  /** tradeId to that trade's latest contribution. Written by aggregate only. */
  AGGREGATE_CONTRIBUTIONS("tradeflow.state.aggregate-contributions", Kind.COMPACTED),
  /** Aggregate key ({@code book:B1}, {@code counterparty:CP-1}) to counts. Aggregate only. */
  AGGREGATES("tradeflow.state.aggregates", Kind.COMPACTED);

  public enum Kind {
    EVENTS,
    COMPACTED
  }

  private final String topicName;
  private final Kind kind;

  Topic(String topicName, Kind kind) {
    this.topicName = topicName;
    this.kind = kind;
  }

  public String topicName() {
    return topicName;
  }

  public boolean compacted() {
    return kind == Kind.COMPACTED;
  }

  public static Topic byName(String name) {
    for (Topic topic : values()) {
      if (topic.topicName.equals(name)) {
        return topic;
      }
    }
    throw new IllegalArgumentException("not a tradeflow topic: " + name);
  }
}
