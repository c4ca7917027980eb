package dev.tradeflow.events;

import java.util.List;

/**
 * The five functions: what each consumes, emits, reads and writes. Manifests, channel configuration
 * and tests are checked against this.
 */
public enum Function {
  PARSE(
      List.of(EventType.TRADE_RECEIVED),
      List.of(EventType.TRADE_PARSED, EventType.TRADE_CANCEL_REQUESTED, EventType.TRADE_REJECTED),
      List.of(),
      List.of(),
      8081,
      256),
  VALIDATE(
      List.of(EventType.TRADE_PARSED, EventType.TRADE_CANCEL_REQUESTED, EventType.TRADE_EXPIRED),
      List.of(EventType.TRADE_VALIDATED, EventType.TRADE_REJECTED, EventType.TRADE_DELETED),
      List.of(Topic.TRADE_STORE),
      List.of(Topic.TRADE_STORE, Topic.AUDIT),
      8082,
      1024),
  ENRICH(
      List.of(EventType.TRADE_VALIDATED, EventType.REFDATA_UPDATED, EventType.REFDATA_DELETED),
      List.of(EventType.TRADE_ENRICHED, EventType.TRADE_REJECTED),
      Topic.REFERENCE_DATA,
      Topic.REFERENCE_DATA,
      8083,
      512),
  AGGREGATE(
      List.of(EventType.TRADE_ENRICHED, EventType.TRADE_DELETED, EventType.PRICE_UPDATED),
      List.of(
          EventType.AGGREGATE_UPDATED,
          EventType.POSITION_UPDATED,
          EventType.LIMIT_BREACHED,
          EventType.LIMIT_CLEARED),
      List.of(Topic.AGGREGATE_CONTRIBUTIONS, Topic.PRICES, Topic.FX_RATES, Topic.LIMITS),
      List.of(Topic.AGGREGATE_CONTRIBUTIONS, Topic.AGGREGATES, Topic.PRICES),
      8084,
      1024),
  EXPIRE(
      List.of(EventType.EXPIRY_TICK),
      List.of(EventType.TRADE_EXPIRED),
      List.of(Topic.TRADE_STORE),
      List.of(),
      8085,
      1024);

  private final List<EventType> consumes;
  private final List<EventType> emits;
  private final List<Topic> rebuildsFrom;
  private final List<Topic> writes;
  private final int localPort;
  private final int memoryMiB;
  private final String id = name().toLowerCase(java.util.Locale.ROOT);
  private final String source = "/tradeflow/" + id;

  Function(
      List<EventType> consumes,
      List<EventType> emits,
      List<Topic> rebuildsFrom,
      List<Topic> writes,
      int localPort,
      int memoryMiB) {
    this.consumes = consumes;
    this.emits = emits;
    this.rebuildsFrom = rebuildsFrom;
    this.writes = writes;
    this.localPort = localPort;
    this.memoryMiB = memoryMiB;
  }

  public List<EventType> consumes() {
    return consumes;
  }

  public List<EventType> emits() {
    return emits;
  }

  public List<Topic> rebuildsFrom() {
    return rebuildsFrom;
  }

  public List<Topic> writes() {
    return writes;
  }

  /** The HTTP port the local run gives this function. */
  public int localPort() {
    return localPort;
  }

  /**
   * The memory its pod has on Knative (request and limit, {@code knative/06-services.yaml}): the
   * stateful functions hold their state in the heap, so validate, aggregate and expire get 1 GiB
   * (validate's trade store holds about 640 bytes a trade). The local run gives each JVM the share
   * of it that {@code Dockerfile.jvm} gives in the pod.
   */
  public int memoryMiB() {
    return memoryMiB;
  }

  /** Lower-case name: module, service and channel names use it. */
  public String id() {
    return id;
  }

  /** The CloudEvent {@code source} of everything this function emits. */
  public String source() {
    return source;
  }

  /** The Kafka consumer group of this function's Kafka binding. */
  public String consumerGroup() {
    return "tradeflow-" + id();
  }
}
