package dev.tradeflow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** How each hop of a relay passes records on; every hop does no work on them. */
enum RelayShape {
  /** kafka-clients only, Kafka Streams' way: send without waiting; every 100 ms flush, commit. */
  INTERVAL("plain relay, interval", Duration.ofSeconds(3)),
  /** kafka-clients only: each poll batch sent, every ack waited for, then commitSync. */
  PER_BATCH("plain relay, per-batch", Duration.ofSeconds(3)),
  /**
   * kafka-clients only, read-process-write in a Kafka transaction per poll batch (the copies and
   * the input offsets committed together, each hop reading committed records only).
   */
  TX_PER_BATCH("plain relay, a transaction per batch", Duration.ofSeconds(3)),
  /** The same, one transaction every 100 ms: Kafka Streams' exactly-once (v2) shape. */
  TX_INTERVAL("plain relay, a transaction every 100 ms", Duration.ofSeconds(3)),
  /**
   * A Quarkus app reading with the SmallRye Kafka connector the way tradeflow's binding does, and
   * writing with one plain producer ({@code peers-quarkus}): the connector's cost without the work.
   */
  CONNECTOR("relay on tradeflow's connector", Duration.ofSeconds(6));

  private final String title;
  private final Duration joinWait;

  /**
   * @param joinWait how long its hops take to start and join their groups (a Quarkus app starts in
   *     about a second more than a plain main)
   */
  RelayShape(String title, Duration joinWait) {
    this.title = title;
    this.joinWait = joinWait;
  }

  /**
   * The name it is asked for by ({@code --baselines}) and that its hops are started with: {@code
   * TX_PER_BATCH} is {@code tx-per-batch}, the mode {@code RelayHop.Mode.of} reads back.
   */
  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The shape named {@code id} ({@code interval}, {@code tx-interval}, ...). */
  static RelayShape of(String id) {
    for (RelayShape shape : values()) {
      if (shape.id().equals(id)) {
        return shape;
      }
    }
    throw new IllegalArgumentException(
        "no relay '" + id + "'; relays: " + Arrays.stream(values()).map(RelayShape::id).toList());
  }

  String title() {
    return title;
  }

  Duration joinWait() {
    return joinWait;
  }

  /**
   * Starts one hop copying {@code in} to {@code out}, its producer lingering {@code lingerMs} if
   * given (else as its default has it: Kafka's 5 ms for the plain hops, tradeflow's 1 ms for the
   * connector's).
   */
  PeerProcess startHop(
      Path repo, Path log, String bootstrap, String in, String out, OptionalInt lingerMs) {
    if (this == CONNECTOR) {
      Map<String, String> settings =
          new HashMap<>(
              Map.of("kafka.bootstrap.servers", bootstrap, "relay.in", in, "relay.out", out));
      lingerMs.ifPresent(linger -> settings.put("relay.linger-ms", String.valueOf(linger)));
      return PeerProcess.startConnectorHop(repo, log, settings);
    }
    List<String> args = new ArrayList<>(List.of(bootstrap, in, out, id()));
    lingerMs.ifPresent(linger -> args.add(String.valueOf(linger)));
    return PeerProcess.start(
        repo,
        log,
        PeerProcess.HOP_HEAP,
        "dev.tradeflow.peers.RelayHop",
        args.toArray(String[]::new));
  }
}
