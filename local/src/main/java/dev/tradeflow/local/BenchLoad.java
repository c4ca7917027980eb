package dev.tradeflow.local;

import dev.tradeflow.cloudevents.KafkaCloudEvents;
import dev.tradeflow.cloudevents.TopicTail;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventIds;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The pipeline benchmark's load and its clock, the same for tradeflow, the relay and the Kafka
 * Streams peer: N distinct JSON trades, each stamped with the time it was sent; a run ends when the
 * last stage's topic holds what the load should produce, and a record's latency is the broker's
 * append time on that topic minus its send time (same machine, millisecond clock).
 */
final class BenchLoad {

  static final String SENT_AT = "tradeflow-bench-sent-at";

  private BenchLoad() {}

  /**
   * What a throughput run sends through a pipeline: {@code warmUp} trades first, waited for but not
   * measured (so that each pipeline's JIT has compiled its hot path), then the {@code measured}
   * trades.
   */
  record Load(int warmUp, int measured) {

    Load {
      if (warmUp < 0 || measured < 1) {
        throw new IllegalArgumentException(
            "a load needs at least one measured trade and no negative warm-up: " + this);
      }
    }

    /** How long a pipeline may take over {@code trades}: a minute, and 50 trades a second. */
    static Duration limit(int trades) {
      return Duration.ofSeconds(60 + trades / 50);
    }
  }

  /** Sends {@code count} trades ({@code prefix0} …, book B1, CP-1 to CP-3) to {@code topic}. */
  static void send(String bootstrap, String topic, String prefix, int count) {
    send(bootstrap, topic, prefix, "B1", count);
  }

  /** Sends {@code count} trades ({@code prefix0} …, in {@code book}, CP-1 to CP-3). */
  static void send(String bootstrap, String topic, String prefix, String book, int count) {
    send(bootstrap, topic, prefix, book, count, false);
  }

  /**
   * As above; with {@code cloudEventHeaders}, each record also carries the {@code ce_*} headers and
   * content type a tradeflow function writes on the trade it passes on ({@link
   * KafkaCloudEvents#toRecord}), so a relay that copies them carries tradeflow's envelope.
   */
  static void send(
      String bootstrap,
      String topic,
      String prefix,
      String book,
      int count,
      boolean cloudEventHeaders) {
    try (KafkaProducer<String, byte[]> producer =
        SampleData.producer(Map.of("bootstrap.servers", bootstrap))) {
      for (int i = 0; i < count; i++) {
        ProducerRecord<String, byte[]> record = stampedTrade(topic, prefix + i, i, book);
        if (cloudEventHeaders) {
          KafkaCloudEvents.toRecord(parsedTrade(record.key(), record.value()))
              .headers()
              .forEach(record.headers()::add);
        }
        producer.send(record);
      }
      producer.flush();
    }
  }

  /**
   * Trade {@code id} (version 1, in {@code book}, its counterparty CP-1 to CP-3 by {@code n}) as a
   * record to {@code topic}, stamped with the time it is made ({@link #SENT_AT}).
   */
  static ProducerRecord<String, byte[]> stampedTrade(String topic, String id, int n, String book) {
    byte[] json =
        SampleData.trade(id, 1, "CP-" + (1 + n % 3), book, "2027-05-20")
            .getBytes(StandardCharsets.UTF_8);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, id, json);
    record
        .headers()
        .add(
            SENT_AT, Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII));
    return record;
  }

  /** The trade as parse passes it on, for its headers. */
  private static CloudEvent parsedTrade(String id, byte[] json) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return new CloudEvent(
        EventIds.derive(id + "/" + EventType.TRADE_PARSED.type()),
        Function.PARSE.source(),
        EventType.TRADE_PARSED.type(),
        id,
        now,
        "application/json",
        id,
        json,
        now);
  }

  /** How long tradeflow took to aggregate the whole load, and whether it did in time. */
  record Aggregated(boolean all, double seconds) {}

  /**
   * Sends the load to tradeflow's received topic and waits until aggregate has counted every trade
   * in book B1, looking every {@code poll}, for at most {@code limit}.
   */
  static Aggregated throughTradeflow(
      LocalStack stack, String prefix, int trades, Duration poll, Duration limit)
      throws InterruptedException {
    return throughTradeflow(stack, prefix, "B1", 0, trades, poll, limit);
  }

  /**
   * As above, with the load in {@code book}, which already counts {@code counted} live trades (a
   * warm-up's). The end is read from the broker, as the relay's is: the first record on aggregate's
   * compacted topic of aggregates that counts {@code counted + trades} live trades in the book
   * (asking aggregate's REST API every 100 ms cost it a token check each time, 8 % of its samples
   * in a profile).
   */
  static Aggregated throughTradeflow(
      LocalStack stack,
      String prefix,
      String book,
      int counted,
      int trades,
      Duration poll,
      Duration limit)
      throws InterruptedException {
    long start = System.nanoTime();
    String expected = "\"id\":\"" + book + "\",\"live_trades\":" + (counted + trades) + ",";
    try (TopicTail<ConsumerRecord<String, byte[]>> aggregates =
        TopicTail.records(stack.kafka().clientConfig(), List.of(Topic.AGGREGATES.topicName()))) {
      send(
          stack.kafka().bootstrapServers(), Topic.TRADE_RECEIVED.topicName(), prefix, book, trades);
      long deadline = start + limit.toNanos();
      while (System.nanoTime() < deadline) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (counted(aggregates, "book:" + book, expected, poll.compareTo(left) < 0 ? poll : left)) {
          return new Aggregated(true, (System.nanoTime() - start) / 1e9);
        }
      }
    }
    return new Aggregated(false, (System.nanoTime() - start) / 1e9);
  }

  private static boolean counted(
      TopicTail<ConsumerRecord<String, byte[]>> aggregates,
      String key,
      String expected,
      Duration window) {
    return aggregates.drain(window).stream()
        .anyMatch(
            r ->
                key.equals(r.key())
                    && r.value() != null
                    && new String(r.value(), StandardCharsets.UTF_8).contains(expected));
  }

  /** Creates topics of 3 partitions; those named in {@code appendTime} stamp LogAppendTime. */
  static void createTopics(String bootstrap, List<String> names, List<String> appendTime) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      for (String name : names) {
        NewTopic topic = new NewTopic(name, 3, (short) 1);
        if (appendTime.contains(name)) {
          topic.configs(Map.of("message.timestamp.type", "LogAppendTime"));
        }
        try {
          admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create " + name, e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * How many records the broker has taken on the catalogue's topics so far: the sum of their
   * partitions' end offsets (compaction does not lower an end offset).
   */
  static long recordsOnTradeflowTopics(String bootstrap) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions =
          Arrays.stream(Topic.values())
              .flatMap(topic -> consumer.partitionsFor(topic.topicName()).stream())
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Reads committed records only: a record a transactional pipeline (the Kafka Streams peer exactly
   * once, the relay in transactions) appended counts once its transaction commits.
   */
  private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
    return new KafkaConsumer<>(
        Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  /** The send-to-append latencies of {@code count} stamped records on {@code topic}. */
  record Latencies(long[] millis, long lastAppendedAt) {

    long quantile(double q) {
      long[] sorted = millis.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
  }

  /**
   * Reads {@code topic} from the start until {@code count} records that match have arrived, or
   * {@code limit} has passed (then it throws).
   */
  static Latencies await(
      String bootstrap,
      String topic,
      int count,
      Predicate<ConsumerRecord<String, byte[]>> counts,
      Duration limit) {
    return await(bootstrap, topic, Map.of(), count, counts, limit);
  }

  /** Where each partition of {@code topic} ends now: where a read of what comes next starts. */
  static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      return consumer.endOffsets(partitionsOf(consumer, topic));
    }
  }

  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<String, byte[]> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  /**
   * As above, reading each partition from its offset in {@code from} (from its start if it has none
   * there), so that what a warm-up left on the topic is neither read again nor counted.
   */
  static Latencies await(
      String bootstrap,
      String topic,
      Map<TopicPartition, Long> from,
      int count,
      Predicate<ConsumerRecord<String, byte[]>> counts,
      Duration limit) {
    List<Long> latencies = new ArrayList<>(count);
    long last = 0;
    long deadline = System.nanoTime() + limit.toNanos();
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = partitionsOf(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      from.forEach(consumer::seek);
      while (latencies.size() < count) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "only " + latencies.size() + " of " + count + " records on " + topic + " in time");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          Header sentAt = record.headers().lastHeader(SENT_AT);
          if (counts.test(record)) {
            long sent =
                sentAt == null
                    ? record.timestamp()
                    : Long.parseLong(new String(sentAt.value(), StandardCharsets.US_ASCII));
            latencies.add(record.timestamp() - sent);
            last = Math.max(last, record.timestamp());
          }
        }
      }
    }
    return new Latencies(latencies.stream().mapToLong(Long::longValue).toArray(), last);
  }
}
