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
  /** Market prices from a feed, keyed by instrument. */
  PRICE_UPDATED("tradeflow.price.updated", Kind.EVENTS),
  /**
   * Each position as it changes, keyed {@code book:instrument}: compacted, so it also holds the
   * latest of every position.
   */
  POSITION_UPDATED("tradeflow.position.updated", Kind.COMPACTED),
  /** Limit breaches and clearances, keyed by counterparty, so each one's stay in order. */
  RISK_LIMIT("tradeflow.risk.limit-breached", Kind.EVENTS),
  /**
   * Reference-data changes from a feed: updates and deletions on one topic, so that a deletion does
   * not overtake the update before it (keyed {@code kind:id}).
   */
  REFDATA_UPDATED("tradeflow.refdata.updated", Kind.EVENTS),
  /**
   * Events a function kept failing, after the Trigger's retries (Knative's dead-letter sink), and
   * poison records of the Kafka binding, with the reason in headers.
   */
  DEAD_LETTER("tradeflow.dead-letter", Kind.EVENTS),
  /** Every trade-store decision, in order: an append-only log, not compacted. */
  AUDIT("tradeflow.audit", Kind.EVENTS),
  /** tradeId to latest accepted trade. Written by validate only. */
  TRADE_STORE("tradeflow.state.trade-store", Kind.COMPACTED),
  /** Counterparty id to counterparty. Written by enrich only. */
  COUNTERPARTIES("tradeflow.refdata.counterparties", Kind.COMPACTED),
  /** Book id to book. Written by enrich only. */
  BOOKS("tradeflow.refdata.books", Kind.COMPACTED),
  /** Instrument id (ISIN or symbol) to instrument. Written by enrich only. */
  INSTRUMENTS("tradeflow.refdata.instruments", Kind.COMPACTED),
  /** Currency to its rate in the reporting currency. Written by enrich only. */
  FX_RATES("tradeflow.refdata.fx-rates", Kind.COMPACTED),
  /** Counterparty id to its exposure limit. Written by enrich only. */
  LIMITS("tradeflow.refdata.limits", Kind.COMPACTED),
  /** tradeId to that trade's latest contribution. Written by aggregate only. */
  AGGREGATE_CONTRIBUTIONS("tradeflow.state.aggregate-contributions", Kind.COMPACTED),
  /** Instrument to its latest market price. Written by aggregate only. */
  PRICES("tradeflow.state.prices", Kind.COMPACTED),
  /** Aggregate key ({@code book:B1}, {@code counterparty:CP-1}) to counts. Aggregate only. */
  AGGREGATES("tradeflow.state.aggregates", Kind.COMPACTED);

  /** The reference-data topics, which enrich writes and follows. */
  public static final java.util.List<Topic> REFERENCE_DATA =
      java.util.List.of(COUNTERPARTIES, BOOKS, INSTRUMENTS, FX_RATES, LIMITS);

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

  /**
   * True for the topics of trades on their way through: a poison record on one is answered with a
   * {@code tradeflow.trade.rejected} as well as a dead letter, so the trade's fate is on record.
   */
  public boolean carriesTrades() {
    return switch (this) {
      case TRADE_RECEIVED,
          TRADE_PARSED,
          TRADE_VALIDATED,
          TRADE_ENRICHED,
          TRADE_EXPIRED,
          TRADE_DELETED ->
          true;
      default -> false;
    };
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
