package dev.tradeflow.events;

import java.util.Optional;

/** Every CloudEvent type tradeflow emits or consumes, and the topic that carries it. */
public enum EventType {
  TRADE_RECEIVED("tradeflow.trade.received", Topic.TRADE_RECEIVED),
  TRADE_PARSED("tradeflow.trade.parsed", Topic.TRADE_PARSED),
  /** Shares the parsed topic: a cancel must not overtake the trade it cancels. */
  TRADE_CANCEL_REQUESTED("tradeflow.trade.cancel-requested", Topic.TRADE_PARSED),
  TRADE_VALIDATED("tradeflow.trade.validated", Topic.TRADE_VALIDATED),
  TRADE_REJECTED("tradeflow.trade.rejected", Topic.TRADE_REJECTED),
  TRADE_ENRICHED("tradeflow.trade.enriched", Topic.TRADE_ENRICHED),
  TRADE_EXPIRED("tradeflow.trade.expired", Topic.TRADE_EXPIRED),
  TRADE_DELETED("tradeflow.trade.deleted", Topic.TRADE_DELETED),
  AGGREGATE_UPDATED("tradeflow.aggregate.updated", Topic.AGGREGATE_UPDATED),
  EXPIRY_TICK("tradeflow.expiry.tick", Topic.EXPIRY_TICK);

  private final String type;
  private final Topic topic;

  EventType(String type, Topic topic) {
    this.type = type;
    this.topic = topic;
  }

  /** The CloudEvent {@code type} attribute. */
  public String type() {
    return type;
  }

  public Topic topic() {
    return topic;
  }

  public static Optional<EventType> of(String type) {
    for (EventType candidate : values()) {
      if (candidate.type.equals(type)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
