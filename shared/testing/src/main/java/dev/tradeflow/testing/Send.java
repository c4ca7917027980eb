package dev.tradeflow.testing;

import static io.restassured.RestAssured.given;

import dev.tradeflow.cloudevents.KafkaCloudEvents;
import dev.tradeflow.cloudevents.StructuredCloudEvents;
import dev.tradeflow.events.CloudEvent;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends CloudEvents to the app under test: over HTTP in either mode, or through Kafka. */
public final class Send {

  private Send() {}

  public static CloudEvent event(String type, String subject, String contentType, String data) {
    return new CloudEvent(
        UUID.randomUUID().toString(),
        "/tests/" + type,
        type,
        subject,
        OffsetDateTime.now(),
        contentType,
        subject,
        data == null ? null : data.getBytes(StandardCharsets.UTF_8));
  }

  public static ValidatableResponse binary(CloudEvent event) {
    return binary(event, given());
  }

  /** In binary mode, with a delivery token, as Knative Eventing sends with OIDC on. */
  public static ValidatableResponse binary(CloudEvent event, String bearerToken) {
    return binary(event, given().auth().oauth2(bearerToken));
  }

  private static ValidatableResponse binary(CloudEvent event, RequestSpecification request) {
    request
        .header("ce-specversion", "1.0")
        .header("ce-id", event.id())
        .header("ce-source", event.source())
        .header("ce-type", event.type());
    if (event.subject() != null) {
      request.header("ce-subject", event.subject());
    }
    if (event.partitionKey() != null) {
      request.header("ce-partitionkey", event.partitionKey());
    }
    if (event.dataContentType() != null) {
      request.contentType(event.dataContentType());
    }
    return request.body(event.data()).post("/").then();
  }

  public static ValidatableResponse structured(CloudEvent event) {
    return given()
        .contentType(StructuredCloudEvents.MEDIA_TYPE)
        .body(StructuredCloudEvents.encode(event))
        .post("/")
        .then();
  }

  public static void kafka(CloudEvent event) {
    kafka(KafkaCloudEvents.toRecord(event));
  }

  public static void kafka(ProducerRecord<String, byte[]> record) {
    kafkaAll(List.of(record));
  }

  /** Sends the records in one go through one producer, and waits until Kafka has them all. */
  public static void kafkaAll(List<ProducerRecord<String, byte[]>> records) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KafkaBrokerResource.broker().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
      for (ProducerRecord<String, byte[]> record : records) {
        sent.add(producer.send(record));
      }
      for (java.util.concurrent.Future<?> one : sent) {
        one.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
