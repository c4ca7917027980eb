package dev.tradeflow.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One hop of the plain relay: copies every record of one topic to the next, at least once, with
 * nothing but kafka-clients. It does no work on the records: five of them in a row are what five
 * hops cost on this broker, the physical limit tradeflow's five functions are measured against.
 *
 * <p>Usage: {@code RelayHop <bootstrap> <in-topic> <out-topic>
 * per-batch|interval|tx-per-batch|tx-interval [linger-ms]}. Without {@code linger-ms} the producer
 * lingers as Kafka's default has it (5 ms in Kafka 4); the fixed-rate baseline gives it tradeflow's
 * 1 ms. It runs until it is stopped.
 */
public final class RelayHop {

  /** How a hop makes sure a record is passed on before its offset is committed. */
  public enum Mode {
    /** Each poll batch: send every record, wait for every ack, then commitSync. */
    PER_BATCH,
    /** Kafka Streams' way: send without waiting; every 100 ms flush, then commitSync. */
    INTERVAL,
    /**
     * Read-process-write in a Kafka transaction per poll batch: the copies and the input offsets
     * ({@code sendOffsetsToTransaction}) committed together; the hop reads committed records only.
     */
    TX_PER_BATCH,
    /** The same, one transaction every 100 ms: Kafka Streams' exactly-once (v2) shape. */
    TX_INTERVAL;

    public static Mode of(String name) {
      return valueOf(name.toUpperCase().replace('-', '_'));
    }

    boolean transactional() {
      return this == TX_PER_BATCH || this == TX_INTERVAL;
    }

    /** Whether every poll batch ends in a commit, rather than every {@link #COMMIT_INTERVAL}. */
    boolean perBatch() {
      return this == PER_BATCH || this == TX_PER_BATCH;
    }
  }

  static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

  private RelayHop() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String in = args[1];
    String out = args[2];
    Mode mode = Mode.of(args[3]);
    OptionalInt lingerMs =
        args.length > 4 ? OptionalInt.of(Integer.parseInt(args[4])) : OptionalInt.empty();
    String group = "relay-" + in;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, group, mode);
        KafkaProducer<byte[], byte[]> producer = producer(bootstrap, lingerMs, mode, group)) {
      consumer.subscribe(List.of(in));
      if (mode.transactional()) {
        producer.initTransactions();
        producer.beginTransaction();
      }
      Map<TopicPartition, OffsetAndMetadata> copied = new HashMap<>();
      long lastCommit = System.nanoTime();
      while (true) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
          sends.add(
              producer.send(
                  new ProducerRecord<>(out, null, record.key(), record.value(), record.headers())));
          if (mode.transactional()) {
            copied.put(
                new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1));
          }
        }
        boolean due =
            mode.perBatch()
                ? !records.isEmpty()
                : System.nanoTime() - lastCommit >= COMMIT_INTERVAL.toNanos();
        if (!due) {
          continue;
        }
        switch (mode) {
          case PER_BATCH -> {
            for (Future<RecordMetadata> send : sends) {
              send.get();
            }
            consumer.commitSync();
          }
          case INTERVAL -> {
            producer.flush();
            consumer.commitSync();
          }
          case TX_PER_BATCH, TX_INTERVAL -> {
            if (!copied.isEmpty()) {
              producer.sendOffsetsToTransaction(copied, consumer.groupMetadata());
              producer.commitTransaction();
              producer.beginTransaction();
            }
          }
        }
        copied.clear();
        lastCommit = System.nanoTime();
      }
    }
  }

  /** A transactional hop reads only committed records, so it never passes on an aborted one. */
  static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group, Mode mode) {
    return new KafkaConsumer<>(
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "group.id",
            group,
            "auto.offset.reset",
            "earliest",
            "enable.auto.commit",
            false,
            "isolation.level",
            mode.transactional() ? "read_committed" : "read_uncommitted"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** A transactional hop's producer is named after its group: one per hop. */
  static KafkaProducer<byte[], byte[]> producer(
      String bootstrap, OptionalInt lingerMs, Mode mode, String group) {
    Map<String, Object> config =
        new HashMap<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true));
    lingerMs.ifPresent(linger -> config.put("linger.ms", linger));
    if (mode.transactional()) {
      config.put("transactional.id", group);
    }
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
