package dev.tradeflow.events;

import java.util.List;
import java.util.Optional;

/** Every CloudEvent type tradeflow emits or consumes, and the topic that carries it. */
public enum EventType {
  /** Also as a Knative KafkaSource delivers a raw record from the received topic. */
  TRADE_RECEIVED("tradeflow.trade.received", Topic.TRADE_RECEIVED, "dev.knative.kafka.event"),
  TRADE_PARSED("tradeflow.trade.parsed", Topic.TRADE_PARSED),
  /** Shares the parsed topic: a cancel must not overtake the trade it cancels. */
  TRADE_CANCEL_REQUESTED("tradeflow.trade.cancel-requested", Topic.TRADE_PARSED),
  TRADE_VALIDATED("tradeflow.trade.validated", Topic.TRADE_VALIDATED),
  TRADE_REJECTED("tradeflow.trade.rejected", Topic.TRADE_REJECTED),
  TRADE_ENRICHED("tradeflow.trade.enriched", Topic.TRADE_ENRICHED),
  TRADE_EXPIRED("tradeflow.trade.expired", Topic.TRADE_EXPIRED),
  TRADE_DELETED("tradeflow.trade.deleted", Topic.TRADE_DELETED),
  AGGREGATE_UPDATED("tradeflow.aggregate.updated", Topic.AGGREGATE_UPDATED),
  /** A counterparty, book, instrument, FX rate or limit to store, as a feed sends it. */
  REFDATA_UPDATED("tradeflow.refdata.updated", Topic.REFDATA_UPDATED),
  /** Reference data to remove; shares the topic of updates, so it keeps their order. */
  REFDATA_DELETED("tradeflow.refdata.deleted", Topic.REFDATA_UPDATED),
  /** A market price for an instrument: re-marks every position in it. */
  PRICE_UPDATED("tradeflow.price.updated", Topic.PRICE_UPDATED),
  /** A position (book × instrument) with its cost, market value and P&L. */
  POSITION_UPDATED("tradeflow.position.updated", Topic.POSITION_UPDATED),
  /** A counterparty's gross exposure went over its limit. */
  LIMIT_BREACHED("tradeflow.risk.limit-breached", Topic.RISK_LIMIT),
  /** A counterparty's gross exposure came back within its limit; shares the breach topic. */
  LIMIT_CLEARED("tradeflow.risk.limit-cleared", Topic.RISK_LIMIT),
  /** Also as a Knative PingSource ticks. */
  EXPIRY_TICK("tradeflow.expiry.tick", Topic.EXPIRY_TICK, "dev.knative.sources.ping");

  private final String type;
  private final Topic topic;
  private final List<String> sourceTypes;

  EventType(String type, Topic topic, String... sourceTypes) {
    this.type = type;
    this.topic = topic;
    this.sourceTypes = List.of(sourceTypes);
  }

  /** The types a Knative source gives this event when it is not sent as a tradeflow event. */
  public List<String> sourceTypes() {
    return sourceTypes;
  }

  /** The CloudEvent {@code type} attribute. */
  public String type() {
    return type;
  }

  public Topic topic() {
    return topic;
  }

  /** {@link #values()} copies its array on every call; this is looked up once per input. */
  private static final EventType[] ALL = values();

  public static Optional<EventType> of(String type) {
    for (EventType candidate : ALL) {
      if (candidate.type.equals(type) || candidate.sourceTypes.contains(type)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
