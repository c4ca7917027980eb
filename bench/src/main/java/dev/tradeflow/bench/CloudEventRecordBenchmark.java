package dev.tradeflow.bench;

import dev.tradeflow.cloudevents.KafkaCloudEvents;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One event's CloudEvent envelope in Kafka's binary mode, each way, per second on one thread: what
 * every function does for each event it writes ({@link KafkaCloudEvents#toRecord}) and each record
 * it takes ({@link KafkaCloudEvents#fromRecord}). The record read is built afresh each time from
 * the header bytes, as the consumer builds it, and its header names are decoded before the read, as
 * the SmallRye connector's look-up of its own header decodes them for every record it hands over.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CloudEventRecordBenchmark {

  private CloudEvent event;
  private byte[][] headerKeys;
  private byte[][] headerValues;
  private byte[] value;

  @Setup
  public void setUp() {
    OffsetDateTime received =
        OffsetDateTime.of(2026, 12, 3, 9, 30, 15, 123_456_000, ZoneOffset.UTC);
    event =
        new CloudEvent(
            "0b6f3c2e-6d1a-3f52-8c7e-2a9d4b1e5f60",
            "/tradeflow/validate",
            EventType.TRADE_VALIDATED.type(),
            "LOAD-000123",
            received.plusNanos(4_567_891),
            "application/json",
            "LOAD-000123",
            "{\"trade_id\":\"LOAD-000123\",\"version\":1}".getBytes(StandardCharsets.UTF_8),
            received);
    ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(event);
    Header[] headers = record.headers().toArray();
    headerKeys = new byte[headers.length][];
    headerValues = new byte[headers.length][];
    for (int i = 0; i < headers.length; i++) {
      headerKeys[i] = headers[i].key().getBytes(StandardCharsets.UTF_8);
      headerValues[i] = headers[i].value();
    }
    value = record.value();
    if (!event.equals(fromRecord())) {
      throw new IllegalStateException("the envelope does not read back: " + fromRecord());
    }
  }

  @Benchmark
  public ProducerRecord<String, byte[]> toRecord() {
    return KafkaCloudEvents.toRecord(event);
  }

  /** The record alone, as the consumer and the connector hand it over: the floor under a read. */
  @Benchmark
  public ConsumerRecord<String, byte[]> consumedRecord() {
    RecordHeaders headers = new RecordHeaders();
    for (int i = 0; i < headerKeys.length; i++) {
      headers.add(
          new RecordHeader(ByteBuffer.wrap(headerKeys[i]), ByteBuffer.wrap(headerValues[i])));
    }
    headers.lastHeader("smallrye-generation-id");
    return new ConsumerRecord<>(
        "tradeflow.trade.validated",
        0,
        42L,
        0L,
        TimestampType.CREATE_TIME,
        11,
        value.length,
        "LOAD-000123",
        value,
        headers,
        Optional.empty());
  }

  @Benchmark
  public CloudEvent fromRecord() {
    return KafkaCloudEvents.fromRecord(consumedRecord(), null);
  }
}
