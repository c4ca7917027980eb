package dev.tradeflow.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * A keyed in-memory map whose truth is a compacted Kafka topic, like a global table.
 *
 * <p>On {@link #start()} it reads every partition of the topic from the beginning up to the end
 * offsets it captured at start; until then it is not {@link #isReady() ready}. It then follows the
 * topic live, so writes by other processes show up here too. {@link #put} and {@link #delete} write
 * through the topic ({@code acks=all}, idempotent producer) and change the map only once Kafka has
 * acknowledged them. A null record value is a tombstone: the key is removed.
 *
 * <p>Each entry remembers the offset of the record it came from. A record is applied only if its
 * offset is past the entry's, so the live follower never rolls back a newer local write with an
 * older record it reads later.
 */
public final class CompactedTopicStore<V> implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CompactedTopicStore.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /**
   * A value and the offset of its record. A write not yet acknowledged is {@link #PENDING},
   * remembers the entry it replaced, and is marked {@code refused} if Kafka turns it down.
   */
  private record Entry<V>(V value, long offset, Entry<V> previous, AtomicBoolean refused) {

    Entry(V value, long offset) {
      this(value, offset, null, null);
    }

    static <V> Entry<V> pending(V value, Entry<V> previous) {
      return new Entry<>(value, PENDING, previous, new AtomicBoolean());
    }

    boolean wasRefused() {
      return refused != null && refused.get();
    }
  }

  private static final long PENDING = Long.MAX_VALUE;

  private final String topic;
  private final Map<String, Object> kafkaConfig;
  private final Map<String, Object> producerSettings;
  private final ValueCodec<V> codec;
  private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicInteger liveEntries = new AtomicInteger();
  private final AtomicLong skipped = new AtomicLong();
  private final List<StoreListener<V>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<StoreListener<V>> followedListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Map<TopicPartition, Long> endOffsets = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

  private volatile RebuildStatus.Phase phase = RebuildStatus.Phase.WAITING;
  private volatile String problem;
  private volatile Duration rebuildDuration = Duration.ZERO;
  private volatile boolean closed;
  private final Producer<String, byte[]> sharedWriter;
  private Producer<String, byte[]> producer;
  private KafkaConsumer<String, byte[]> consumer;
  private Thread follower;

  public CompactedTopicStore(String topic, Map<String, Object> kafkaConfig, ValueCodec<V> codec) {
    this(topic, kafkaConfig, Map.of(), codec);
  }

  /**
   * A store that writes through {@code writer}, a producer the app shares between its stores and
   * its events ({@code acks=all}, idempotent), so that one batch's writes travel in one request;
   * the store does not close it.
   */
  public CompactedTopicStore(
      String topic,
      Map<String, Object> kafkaConfig,
      Producer<String, byte[]> writer,
      ValueCodec<V> codec) {
    this(topic, kafkaConfig, Map.of(), codec, writer);
  }

  /**
   * @param producerSettings more settings for the writer only, such as its timeouts
   */
  public CompactedTopicStore(
      String topic,
      Map<String, Object> kafkaConfig,
      Map<String, Object> producerSettings,
      ValueCodec<V> codec) {
    this(topic, kafkaConfig, producerSettings, codec, null);
  }

  private CompactedTopicStore(
      String topic,
      Map<String, Object> kafkaConfig,
      Map<String, Object> producerSettings,
      ValueCodec<V> codec,
      Producer<String, byte[]> sharedWriter) {
    this.sharedWriter = sharedWriter;
    this.topic = topic;
    this.kafkaConfig = Map.copyOf(kafkaConfig);
    this.producerSettings = Map.copyOf(producerSettings);
    this.codec = codec;
  }

  public String topic() {
    return topic;
  }

  public void addListener(StoreListener<V> listener) {
    listeners.add(listener);
  }

  /**
   * Also tells {@code listener} of each change the live follower applies once the store is ready: a
   * record another process (another instance) wrote, since this process's own writes read back
   * change nothing. Called after the {@link #addListener} listeners.
   */
  public void addFollowedListener(StoreListener<V> listener) {
    followedListeners.add(listener);
  }

  /** Starts the rebuild on a thread of its own and returns at once. */
  public synchronized void start() {
    if (follower != null) {
      return;
    }
    producer = sharedWriter != null ? sharedWriter : new KafkaProducer<>(producerConfig());
    follower = new Thread(this::run, "store-" + topic);
    follower.setDaemon(true);
    follower.start();
  }

  /** Completes once the rebuild has caught up with the end offsets captured at start. */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  public boolean isReady() {
    return ready.isDone() && !ready.isCompletedExceptionally();
  }

  public Optional<V> get(String key) {
    Entry<V> entry = entries.get(key);
    return entry == null || entry.value() == null ? Optional.empty() : Optional.of(entry.value());
  }

  /** Visits every present entry. Sees a consistent value per key, not a snapshot of all keys. */
  public void forEach(BiConsumer<String, V> visitor) {
    entries.forEach(
        (key, entry) -> {
          if (entry.value() != null) {
            visitor.accept(key, entry.value());
          }
        });
  }

  public int size() {
    return liveEntries.get();
  }

  /** Writes {@code value} under {@code key}; completes with the record's offset once acked. */
  public CompletableFuture<Long> put(String key, V value) {
    return write(key, codec.encode(value), value);
  }

  /** Writes a tombstone for {@code key}; completes with its offset once acked. */
  public CompletableFuture<Long> delete(String key) {
    return write(key, null, null);
  }

  private CompletableFuture<Long> write(String key, byte[] bytes, V value) {
    if (producer == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("store not started: " + topic));
    }
    Entry<V> pending = applyPending(key, value);
    CompletableFuture<Long> acked = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, key, bytes),
          (metadata, error) -> {
            if (error != null) {
              rollBack(key, pending);
              acked.completeExceptionally(error);
            } else {
              confirm(key, pending, metadata.offset());
              acked.complete(metadata.offset());
            }
          });
    } catch (RuntimeException e) {
      rollBack(key, pending);
      acked.completeExceptionally(e);
    }
    return acked;
  }

  private Entry<V> applyPending(String key, V value) {
    @SuppressWarnings("unchecked")
    Entry<V>[] made = new Entry[1];
    entries.compute(
        key,
        (k, existing) -> {
          V previous = existing == null ? null : existing.value();
          countChange(previous, value);
          notifyListeners(k, previous, value);
          made[0] = Entry.pending(value, existing);
          return made[0];
        });
    return made[0];
  }

  /** Kafka took the write: the pending entry gets its offset, unless a later write replaced it. */
  private void confirm(String key, Entry<V> pending, long offset) {
    entries.computeIfPresent(
        key, (k, current) -> current == pending ? new Entry<>(current.value(), offset) : current);
  }

  /**
   * Kafka refused the write: the key goes back to what it held, unless a later write replaced it.
   */
  private void rollBack(String key, Entry<V> pending) {
    problem = "a write to " + topic + " failed; the entry for " + key + " was rolled back";
    pending.refused().set(true);
    entries.computeIfPresent(
        key,
        (k, current) -> {
          if (current != pending) {
            return current; // a later write holds the key; it rolls back past this one if it fails
          }
          Entry<V> restored = current.previous();
          while (restored != null && restored.wasRefused()) {
            restored = restored.previous();
          }
          V back = restored == null ? null : restored.value();
          countChange(current.value(), back);
          notifyListeners(k, current.value(), back);
          return restored;
        });
  }

  /**
   * Whether this store has read its topic's partitions up to {@code offsets} (the partitions of
   * other topics in it are not this store's, and are passed over).
   */
  public boolean hasReached(Map<TopicPartition, Long> offsets) {
    for (Map.Entry<TopicPartition, Long> end : offsets.entrySet()) {
      if (end.getKey().topic().equals(topic)
          && positions.getOrDefault(end.getKey(), 0L) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  public RebuildStatus status() {
    List<PartitionProgress> progress = new ArrayList<>();
    endOffsets.forEach(
        (partition, end) ->
            progress.add(
                new PartitionProgress(
                    partition.partition(), positions.getOrDefault(partition, 0L), end)));
    progress.sort(java.util.Comparator.comparingInt(PartitionProgress::partition));
    return new RebuildStatus(
        topic, phase, progress, size(), skipped.get(), rebuildDuration, problem);
  }

  private void run() {
    long started = System.nanoTime();
    try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerConfig())) {
      synchronized (this) {
        consumer = reader;
      }
      List<TopicPartition> partitions = awaitPartitions(reader);
      if (partitions.isEmpty()) {
        return;
      }
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      endOffsets.putAll(reader.endOffsets(partitions));
      phase = RebuildStatus.Phase.REBUILDING;
      LOG.infof(
          "rebuilding %s from %d partitions, end offsets %s", topic, partitions.size(), endOffsets);
      while (!closed) {
        ConsumerRecords<String, byte[]> records = reader.poll(POLL);
        for (ConsumerRecord<String, byte[]> record : records) {
          applyRecord(record);
        }
        for (TopicPartition partition : partitions) {
          positions.put(partition, reader.position(partition));
        }
        if (!ready.isDone() && caughtUp()) {
          rebuildDuration = Duration.ofNanos(System.nanoTime() - started);
          phase = RebuildStatus.Phase.LIVE;
          LOG.infof("rebuilt %s: %d entries in %d ms", topic, size(), rebuildDuration.toMillis());
          ready.complete(null);
        }
      }
    } catch (WakeupException closing) {
      // close() woke the consumer
    } catch (RuntimeException e) {
      problem = e.toString();
      LOG.errorf(e, "store %s stopped", topic);
      ready.completeExceptionally(e);
    } finally {
      phase = RebuildStatus.Phase.CLOSED;
    }
  }

  private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> reader) {
    while (!closed) {
      List<PartitionInfo> infos = reader.listTopics(Duration.ofSeconds(10)).get(topic);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      }
      problem = "waiting for topic " + topic + " to exist";
      LOG.warn(problem);
      sleep();
    }
    return List.of();
  }

  private boolean caughtUp() {
    for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
      if (positions.getOrDefault(end.getKey(), 0L) < end.getValue()) {
        return false;
      }
    }
    problem = null;
    return true;
  }

  private void applyRecord(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      skipped.incrementAndGet();
      return;
    }
    V value = null;
    if (record.value() != null) {
      Entry<V> existing = entries.get(record.key());
      if (existing != null && existing.offset() >= record.offset()) {
        return; // this process's own write read back, or a newer one: apply would keep it
      }
      try {
        value = codec.decode(record.value());
      } catch (RuntimeException unreadable) {
        skipped.incrementAndGet();
        LOG.warnf(
            "skipping unreadable record %s-%d@%d: %s",
            topic, record.partition(), record.offset(), unreadable.getMessage());
        return;
      }
    }
    apply(record.key(), value, record.offset());
  }

  /**
   * Applies a record the follower read, if it is newer than what the key holds. A tombstone the
   * follower reads removes the key outright, since the follower reads each partition in order.
   */
  private void apply(String key, V value, long offset) {
    entries.compute(
        key,
        (k, existing) -> {
          if (existing != null && existing.offset() >= offset) {
            // this process's own write read back, or a newer (possibly pending) write
            return existing.offset() == offset && value == null ? null : existing;
          }
          V previous = existing == null ? null : existing.value();
          countChange(previous, value);
          notifyListeners(k, previous, value);
          if (ready.isDone() && (previous != null || value != null)) {
            followedListeners.forEach(listener -> listener.changed(k, previous, value));
          }
          return value == null ? null : new Entry<>(value, offset);
        });
  }

  private void countChange(V before, V after) {
    if ((before == null) != (after == null)) {
      liveEntries.addAndGet(after == null ? -1 : 1);
    }
  }

  private void notifyListeners(String key, V previous, V current) {
    if (previous == null && current == null) {
      return;
    }
    for (StoreListener<V> listener : listeners) {
      listener.changed(key, previous, current);
    }
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.putAll(producerSettings);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "store-writer-" + topic);
    return config;
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    config.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "store-reader-" + topic);
    return config;
  }

  private void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      if (consumer != null) {
        consumer.wakeup();
      }
    }
    if (follower != null) {
      try {
        follower.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null && producer != sharedWriter) {
      producer.close(Duration.ofSeconds(5));
    }
    if (!ready.isDone()) {
      ready.completeExceptionally(new IllegalStateException("store closed: " + topic));
    }
  }
}
