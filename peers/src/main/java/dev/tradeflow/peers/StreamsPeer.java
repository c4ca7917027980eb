package dev.tradeflow.peers;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The same work as tradeflow's five functions, as one Kafka Streams topology, which is what a team
 * would write instead: read the JSON trade, apply the trade store's version and maturity rules on a
 * state store, enrich from global tables of counterparties and books, and count live trades per
 * book and per counterparty (a KTable aggregation, so a replaced trade moves its count, as
 * tradeflow's contributions do). State is in memory with changelog topics, like tradeflow's.
 *
 * <p>Usage: {@code StreamsPeer <bootstrap> <topic-prefix> at_least_once|exactly_once_v2
 * <business-date>}. It runs until it is stopped.
 */
public final class StreamsPeer {

  private StreamsPeer() {}

  /** The peer's topics, all named from one prefix. */
  public record Topics(String prefix) {
    public String received() {
      return prefix + ".received";
    }

    public String counterparties() {
      return prefix + ".counterparties";
    }

    public String books() {
      return prefix + ".books";
    }

    public String enriched() {
      return prefix + ".enriched";
    }

    public String rejected() {
      return prefix + ".rejected";
    }

    public String booksCounted() {
      return prefix + ".count-by-book";
    }

    public String counterpartiesCounted() {
      return prefix + ".count-by-counterparty";
    }
  }

  public static void main(String[] args) throws Exception {
    Topics topics = new Topics(args[1]);
    Properties config = new Properties();
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.prefix());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, args[2]);
    // both guarantees commit, and so emit the counts, every 100 ms (exactly-once's default)
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    config.put(
        StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("tradeflow-peer-").toString());
    config.put(StreamsConfig.producerPrefix("acks"), "all");
    KafkaStreams streams = new KafkaStreams(topology(topics, LocalDate.parse(args[3])), config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close();
                  stopped.countDown();
                }));
    streams.start();
    stopped.await();
  }

  static Topology topology(Topics topics, LocalDate businessDate) {
    Serde<String> text = Serdes.String();
    Serde<PeerTrade> trades = JsonSerde.of(PeerTrade.class);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StoreRules.STORE), text, Serdes.Integer()));
    GlobalKTable<String, String> counterparties =
        builder.globalTable(topics.counterparties(), Consumed.with(text, text));
    GlobalKTable<String, String> books =
        builder.globalTable(topics.books(), Consumed.with(text, text));

    KStream<String, PeerTrade> decided =
        builder.stream(topics.received(), Consumed.with(text, Serdes.ByteArray()))
            .process(() -> new StoreRules(businessDate), StoreRules.STORE);
    KStream<String, PeerTrade> enriched =
        decided
            .filter((id, trade) -> !trade.isRejected())
            .leftJoin(
                counterparties,
                (id, trade) -> trade.counterpartyId(),
                (trade, cp) -> cp == null ? trade.rejected("UNKNOWN_COUNTERPARTY") : trade)
            .leftJoin(
                books,
                (id, trade) -> trade.bookId(),
                (trade, book) ->
                    book == null && !trade.isRejected() ? trade.rejected("UNKNOWN_BOOK") : trade);
    decided
        .merge(enriched)
        .filter((id, trade) -> trade.isRejected())
        .to(topics.rejected(), Produced.with(text, trades));
    KStream<String, PeerTrade> accepted = enriched.filter((id, trade) -> !trade.isRejected());
    accepted.to(topics.enriched(), Produced.with(text, trades));

    KTable<String, PeerTrade> latest =
        accepted.toTable(
            Materialized.<String, PeerTrade>as(Stores.inMemoryKeyValueStore("latest-trades"))
                .withKeySerde(text)
                .withValueSerde(trades));
    count(latest, PeerTrade::bookId, "by-book", topics.booksCounted());
    count(latest, PeerTrade::counterpartyId, "by-counterparty", topics.counterpartiesCounted());
    return builder.build();
  }

  private static void count(
      KTable<String, PeerTrade> latest,
      java.util.function.Function<PeerTrade, String> dimension,
      String name,
      String topic) {
    latest
        .groupBy(
            (id, trade) -> KeyValue.pair(dimension.apply(trade), trade),
            Grouped.with(name, Serdes.String(), JsonSerde.of(PeerTrade.class)))
        .count(
            Materialized.<String, Long>as(Stores.inMemoryKeyValueStore("count-" + name))
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()))
        .toStream()
        .to(topic, Produced.with(Serdes.String(), Serdes.Long()));
  }
}
