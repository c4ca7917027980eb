package dev.tradeflow.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.broker.LocalKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompactedTopicStoreTest {

  static final ValueCodec<String> TEXT =
      new ValueCodec<>() {
        @Override
        public byte[] encode(String value) {
          return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
          String text = new String(bytes, StandardCharsets.UTF_8);
          if (text.startsWith("garbage")) {
            throw new IllegalArgumentException("unreadable");
          }
          return text;
        }
      };

  static LocalKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = LocalKafka.startTemporary();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  Map<String, Object> config() {
    return Map.of("bootstrap.servers", kafka.bootstrapServers());
  }

  CompactedTopicStore<String> startedStore(String topic) {
    CompactedTopicStore<String> store = new CompactedTopicStore<>(topic, config(), TEXT);
    store.start();
    store.ready().orTimeout(30, TimeUnit.SECONDS).join();
    return store;
  }

  @Test
  void rebuildsFromCompactedTopicHonouringTombstones() throws Exception {
    kafka.createTopics(Map.of("rebuild", true), 3);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>("rebuild", "T1", TEXT.encode("v1"))).get();
      producer.send(new ProducerRecord<>("rebuild", "T2", TEXT.encode("v1"))).get();
      producer.send(new ProducerRecord<>("rebuild", "T1", TEXT.encode("v2"))).get();
      producer.send(new ProducerRecord<>("rebuild", "T2", null)).get();
      producer.send(new ProducerRecord<>("rebuild", "T3", TEXT.encode("garbage"))).get();
    }
    try (CompactedTopicStore<String> store = startedStore("rebuild")) {
      assertThat(store.get("T1")).contains("v2");
      assertThat(store.get("T2")).isEmpty();
      assertThat(store.get("T3")).isEmpty();
      assertThat(store.size()).isEqualTo(1);
      RebuildStatus status = store.status();
      assertThat(status.ready()).isTrue();
      assertThat(status.skippedRecords()).isEqualTo(1);
      assertThat(status.recordsToGo()).isZero();
    }
  }

  @Test
  void writesThroughTheTopicSoAnotherStoreSeesThem() {
    kafka.createTopics(Map.of("write-through", true), 3);
    try (CompactedTopicStore<String> writer = startedStore("write-through");
        CompactedTopicStore<String> follower = startedStore("write-through")) {
      writer.put("T1", "v1").join();
      writer.put("T1", "v2").join();
      writer.put("T2", "v1").join();
      writer.delete("T2").join();
      assertThat(writer.get("T1")).contains("v2");
      assertThat(writer.get("T2")).isEmpty();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(follower.get("T1")).contains("v2");
                assertThat(follower.get("T2")).isEmpty();
                assertThat(follower.size()).isEqualTo(1);
              });
    }
    try (CompactedTopicStore<String> rebuilt = startedStore("write-through")) {
      assertThat(rebuilt.get("T1")).contains("v2");
      assertThat(rebuilt.size()).isEqualTo(1);
    }
  }

  @Test
  void ownWritesAreNotRolledBackByTheFollower() {
    kafka.createTopics(Map.of("no-rollback", true), 1);
    try (CompactedTopicStore<String> store = startedStore("no-rollback")) {
      for (int i = 0; i < 200; i++) {
        store.put("K", "v" + i);
      }
      store.put("K", "last").join();
      for (int i = 0; i < 20; i++) {
        assertThat(store.get("K")).contains("last");
        sleep(50);
      }
    }
  }

  @Test
  void ownWritesReadBackAreNotDecodedAgainButAnotherStoreDecodesThem() {
    kafka.createTopics(Map.of("read-back", true), 2);
    java.util.concurrent.atomic.AtomicInteger writerDecodes =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger followerDecodes =
        new java.util.concurrent.atomic.AtomicInteger();
    try (CompactedTopicStore<String> writer = countingStore("read-back", writerDecodes);
        CompactedTopicStore<String> follower = countingStore("read-back", followerDecodes)) {
      java.util.concurrent.CompletableFuture<Long> last = null;
      for (int i = 0; i < 100; i++) {
        last = writer.put("K" + i, "v" + i);
      }
      last.join();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(follower.size()).isEqualTo(100));
      sleep(1000); // the writer's own follower, polling as often, has read its writes back too
      assertThat(writerDecodes).hasValue(0);
      assertThat(followerDecodes).hasValue(100);
      assertThat(writer.get("K99")).contains("v99");
    }
  }

  @Test
  void theFollowedListenerHearsAnotherStoresWritesNotItsOwn() {
    kafka.createTopics(Map.of("followed", true), 2);
    List<String> heardByWriter = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> heardByPeer = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (CompactedTopicStore<String> writer = startedStore("followed");
        CompactedTopicStore<String> peer = startedStore("followed")) {
      writer.addFollowedListener((key, before, after) -> heardByWriter.add(key + "=" + after));
      peer.addFollowedListener((key, before, after) -> heardByPeer.add(key + "=" + after));
      writer.put("K1", "v1").join();
      writer.delete("K1").join();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(heardByPeer).containsExactly("K1=v1", "K1=null"));
      sleep(1000); // the writer has read its own writes back by now
      assertThat(heardByWriter).isEmpty();
    }
  }

  private CompactedTopicStore<String> countingStore(
      String topic, java.util.concurrent.atomic.AtomicInteger decodes) {
    ValueCodec<String> counting =
        new ValueCodec<>() {
          @Override
          public byte[] encode(String value) {
            return TEXT.encode(value);
          }

          @Override
          public String decode(byte[] bytes) {
            decodes.incrementAndGet();
            return TEXT.decode(bytes);
          }
        };
    CompactedTopicStore<String> store = new CompactedTopicStore<>(topic, config(), counting);
    store.start();
    store.ready().orTimeout(30, TimeUnit.SECONDS).join();
    return store;
  }

  @Test
  void listenersSeeEveryChangeOnce() {
    kafka.createTopics(Map.of("listened", true), 2);
    List<String> changes = new ArrayList<>();
    CompactedTopicStore<String> store = new CompactedTopicStore<>("listened", config(), TEXT);
    store.addListener((key, before, after) -> changes.add(key + ":" + before + "->" + after));
    store.start();
    store.ready().join();
    store.put("A", "1").join();
    store.put("A", "2").join();
    store.delete("A").join();
    sleep(1000);
    store.close();
    assertThat(changes).containsExactly("A:null->1", "A:1->2", "A:2->null");
  }

  @Test
  void aWriteIsVisibleAtOnceAndDurableWhenItsFutureCompletes() {
    kafka.createTopics(Map.of("pending", true), 1);
    try (CompactedTopicStore<String> store = startedStore("pending")) {
      var acked = store.put("K", "v1");
      assertThat(store.get("K")).contains("v1");
      assertThat(acked.join()).isGreaterThanOrEqualTo(0);
    }
    try (CompactedTopicStore<String> rebuilt = startedStore("pending")) {
      assertThat(rebuilt.get("K")).contains("v1");
    }
  }

  @Test
  void aRefusedWriteIsRolledBackAndListenersAreTold() {
    kafka.createTopics(Map.of("refused", true), 1);
    List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompactedTopicStore<String> store =
        new CompactedTopicStore<>(
            "refused",
            Map.of("bootstrap.servers", kafka.bootstrapServers(), "max.request.size", 200),
            TEXT);
    store.addListener((key, before, after) -> changes.add(key + ":" + before + "->" + after));
    store.start();
    store.ready().join();
    store.put("K", "small").join();
    var refused = store.put("K", "x".repeat(500));
    assertThat(refused).failsWithin(Duration.ofSeconds(10));
    assertThat(store.get("K")).contains("small");
    assertThat(store.status().problem()).contains("rolled back");
    assertThat(changes)
        .containsExactly(
            "K:null->small", "K:small->" + "x".repeat(500), "K:" + "x".repeat(500) + "->small");
    store.close();
  }

  @Test
  void twoRefusedWritesToOneKeyRollBackToTheLastValueKafkaTook() throws Exception {
    // the broker, not the producer, refuses records over 200 bytes: both writes are pending at once
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic("refused-twice", 1, (short) 1)
                      .configs(Map.of("cleanup.policy", "compact", "max.message.bytes", "200"))))
          .all()
          .get();
    }
    try (CompactedTopicStore<String> store =
        new CompactedTopicStore<>(
            "refused-twice",
            config(),
            Map.of("delivery.timeout.ms", 3000, "request.timeout.ms", 2000),
            TEXT)) {
      store.start();
      store.ready().join();
      store.put("K", "taken").join();
      var first = store.put("K", "a".repeat(300));
      var second = store.put("K", "b".repeat(300));
      assertThat(first)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class);
      assertThat(second)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class);
      assertThat(store.get("K")).contains("taken");
    }
  }

  @Test
  void staysNotReadyUntilTheTopicExists() {
    CompactedTopicStore<String> store = new CompactedTopicStore<>("late-topic", config(), TEXT);
    store.start();
    sleep(1500);
    assertThat(store.isReady()).isFalse();
    assertThat(store.status().problem()).contains("late-topic");
    kafka.createTopics(Map.of("late-topic", true), 1);
    store.ready().orTimeout(30, TimeUnit.SECONDS).join();
    assertThat(store.isReady()).isTrue();
    store.close();
  }

  KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", kafka.bootstrapServers()),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
