package dev.tradeflow.local;

import dev.tradeflow.events.Json;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sample reference data and trades: the design's reference example (business date 2026-11-21),
 * plus the other ways a trade can be turned away, and a duplicate delivery.
 */
public final class SampleData {

  public static final List<Counterparty> COUNTERPARTIES =
      List.of(
          new Counterparty("CP-1", "Northwind Bank", "5493001KJTIIGC8Y1R12"),
          new Counterparty("CP-2", "Contoso Capital", "5493000IBP32UQZ0KL24"),
          new Counterparty("CP-3", "Fabrikam Securities", "549300EX04Q2QBFQTQ27"));

  public static final List<Book> BOOKS =
      List.of(new Book("B1", "Rates flow", "London"), new Book("B2", "Credit", "London"));

  /** One message as it reaches the received topic: a raw record, as a producer would send it. */
  public record Sample(String label, String key, String payload) {}

  public static final List<Sample> TRADES =
      List.of(
          new Sample(
              "T1 v1 CP-1 B1 matures 2027-05-20", "T1", trade("T1", 1, "CP-1", "B1", "2027-05-20")),
          new Sample(
              "T2 v2 CP-2 B1 matures 2027-05-20", "T2", trade("T2", 2, "CP-2", "B1", "2027-05-20")),
          new Sample(
              "T2 v1 CP-1 B1 (a lower version)", "T2", trade("T2", 1, "CP-1", "B1", "2027-05-20")),
          new Sample(
              "T3 v3 CP-3 B2 matured 2014-05-20", "T3", trade("T3", 3, "CP-3", "B2", "2014-05-20")),
          new Sample(
              "T4 v1 CP-9 B2 (no such counterparty)",
              "T4",
              trade("T4", 1, "CP-9", "B2", "2027-06-30")),
          new Sample(
              "array: T5 with economics, T6 with a bad version",
              "batch-1",
              "["
                  + trade("T5", 1, "CP-3", "B2", "2026-12-31")
                      .replace(
                          "}",
                          ",\"instrument\":\"XS0000000005\",\"side\":\"BUY\",\"quantity\":5000000,"
                              + "\"price\":101.25,\"currency\":\"EUR\"}")
                  + ","
                  + trade("T6", 1, "CP-1", "B1", "2027-01-15")
                      .replace("\"version\":1", "\"version\":\"one\"")
                  + "]"),
          new Sample("not JSON at all", "garbage-1", "{\"trade_id\": \"T7\", oops"),
          new Sample(
              "T1 v1 again (a duplicate delivery)",
              "T1",
              trade("T1", 1, "CP-1", "B1", "2027-05-20")));

  private SampleData() {}

  public static String trade(String id, int version, String cp, String book, String maturity) {
    return "{\"trade_id\":\"%s\",\"version\":%d,\"counter_party_id\":\"%s\",\"book_id\":\"%s\",\"maturity_date\":\"%s\",\"created_date\":\"2026-11-21\",\"expired\":false}"
        .formatted(id, version, cp, book, maturity);
  }

  public static void loadReferenceData(String bootstrapServers) {
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      COUNTERPARTIES.forEach(
          cp ->
              producer.send(
                  new ProducerRecord<>(Topic.COUNTERPARTIES.topicName(), cp.id(), Json.write(cp))));
      BOOKS.forEach(
          b -> producer.send(new ProducerRecord<>(Topic.BOOKS.topicName(), b.id(), Json.write(b))));
      producer.flush();
    }
  }

  public static void sendTrades(String bootstrapServers) {
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      for (Sample sample : TRADES) {
        producer.send(
            new ProducerRecord<>(
                Topic.TRADE_RECEIVED.topicName(),
                sample.key(),
                sample.payload().getBytes(StandardCharsets.UTF_8)));
        producer.flush();
      }
    }
  }

  static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", bootstrapServers, "acks", "all", "enable.idempotence", true),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}
