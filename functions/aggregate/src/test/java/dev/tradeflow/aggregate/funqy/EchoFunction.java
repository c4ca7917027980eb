package dev.tradeflow.aggregate.funqy;

import dev.tradeflow.binding.JsonData;
import dev.tradeflow.binding.NotReadyException;
import dev.tradeflow.cloudevents.MalformedEventException;
import dev.tradeflow.events.Json;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;
import io.quarkus.funqy.knative.events.CloudEventMapping;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test-only Funqy function beside aggregate's own, for the events of type {@value #ECHO}: it
 * answers with what Funqy handed it, so {@link FunqyContractTest} can pin the Funqy behaviour
 * tradeflow relies on. Its subject picks what it does: {@code none} returns null, {@code broken}
 * and {@code busy} throw.
 */
public class EchoFunction {

  static final String ECHO = "tradeflow.test.echo";
  static final OffsetDateTime WHOLE_MINUTE =
      OffsetDateTime.of(2026, 11, 21, 9, 30, 0, 0, ZoneOffset.UTC);

  @Funq("echo")
  @CloudEventMapping(trigger = ECHO)
  public CloudEvent<JsonData> echo(CloudEvent<byte[]> in) {
    String subject = in.subject() == null ? "" : in.subject();
    switch (subject) {
      case "none" -> {
        return null;
      }
      case "broken" -> throw new MalformedEventException("the echo function refused it");
      case "busy" -> throw new NotReadyException("the echo function is rebuilding");
      default -> {}
    }
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put(
        "data_base64", in.data() == null ? null : Base64.getEncoder().encodeToString(in.data()));
    seen.put("datacontenttype", in.dataContentType());
    return CloudEventBuilder.create()
        .id("echo-" + in.id())
        .source("/tests/echo")
        .type("tradeflow.test.echoed")
        .time(WHOLE_MINUTE)
        .extensions(Map.of("partitionkey", "echo-key"))
        .build(new JsonData(Json.write(seen)));
  }
}
