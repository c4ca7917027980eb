package dev.tradeflow.aggregate;

import static dev.tradeflow.testing.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.issuer.LocalIssuer;
import dev.tradeflow.model.Roles;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.Send;
import dev.tradeflow.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With Knative Eventing's OIDC feature on, {@code POST /} takes a CloudEvent only with a delivery
 * token for this function's audience: without one, with the REST API's token, or with a token
 * signed by anyone else, the event is a 401 and is not counted.
 */
@QuarkusTest
@TestProfile(DeliveryTokenTest.DeliveryTokensOn.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class DeliveryTokenTest {

  static final String AUDIENCE = "tradeflow-aggregate";

  /**
   * Stands in for the cluster's service-account issuer. Its keys are kept in a file, not in a
   * static: Quarkus may load the profile apart from the test, and both must see one key pair.
   */
  static final LocalIssuer CLUSTER = LocalIssuer.inDirectory(Path.of("target", "delivery-issuer"));

  public static class DeliveryTokensOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "tradeflow.cloudevents.oidc.enabled",
          "true",
          "tradeflow.cloudevents.oidc.audience",
          AUDIENCE,
          "tradeflow.cloudevents.oidc.issuer",
          LocalIssuer.ISSUER,
          "tradeflow.cloudevents.oidc.publickey",
          CLUSTER.publicKeyPem());
    }
  }

  static CloudEvent enriched(String id, String book) {
    return Send.event(
        EventType.TRADE_ENRICHED.type(),
        id,
        "application/json",
        AggregateFunctionTest.enriched(id, book, "DT-CP", false, 1));
  }

  static String deliveryToken(LocalIssuer issuer, String audience) {
    Map<String, Object> claims =
        new HashMap<>(
            issuer.claims(
                "system:serviceaccount:knative-eventing:kafka-broker-dispatcher",
                List.of(),
                Instant.now(),
                Duration.ofMinutes(5)));
    claims.put("aud", audience);
    return issuer.sign(claims);
  }

  @Test
  void anEventWithoutAValidDeliveryTokenIs401AndNotCounted() {
    CloudEvent event = enriched("DT-1", "DT-BOOK-1");
    problem(Send.binary(event), 401);
    problem(Send.structured(event), 401);
    problem(Send.binary(event, TestTokens.ALL_ROLES), 401); // the REST API's audience
    problem(Send.binary(event, deliveryToken(LocalIssuer.generate(), AUDIENCE)), 401);
    problem(Send.binary(event, "not-a-token"), 401);
    TestTokens.withAllRoles().get("/api/v1/aggregates/book/DT-BOOK-1").then().statusCode(404);
  }

  @Test
  void anEventWithADeliveryTokenForThisAudienceIsCounted() {
    Send.binary(enriched("DT-2", "DT-BOOK-2"), deliveryToken(CLUSTER, AUDIENCE)).statusCode(202);
    TestTokens.withAllRoles()
        .get("/api/v1/aggregates/book/DT-BOOK-2")
        .then()
        .statusCode(200)
        .body("live_trades", equalTo(1));
    // the REST API still takes the REST audience's tokens, not delivery tokens
    problem(
        given().auth().oauth2(deliveryToken(CLUSTER, AUDIENCE)).get("/api/v1/aggregates").then(),
        401);
    problem(
        given().auth().oauth2(TestTokens.with(Roles.TRADE_WRITER)).get("/api/v1/aggregates").then(),
        403);
  }
}
