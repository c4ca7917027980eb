package dev.tradeflow.aggregate.funqy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.tradeflow.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Pins the Funqy (quarkus-funqy-knative-events 3.34.1) behaviour tradeflow depends on, through a
 * test-only function ({@link EchoFunction}). If a Quarkus upgrade changes any of it, this fails
 * before the functions misbehave.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class FunqyContractTest {

  static final String FIX = "8=FIX.4.4\u00019=5\u000135=AE\u000110=000\u0001";

  @TestHTTPResource("/")
  URI root;

  private static ValidatableResponse binary(String subject, String contentType, byte[] body) {
    var request =
        given()
            .header("ce-specversion", "1.0")
            .header("ce-id", "e-1")
            .header("ce-source", "/tests")
            .header("ce-type", EchoFunction.ECHO)
            .header("ce-subject", subject);
    if (contentType != null) {
      request.contentType(contentType);
    }
    return request.body(body).post("/").then();
  }

  private static ValidatableResponse structured(String event) {
    return given().contentType("application/cloudevents+json").body(event).post("/").then();
  }

  private static String decoded(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  @Test
  void binaryModeHandsOverTheRawBytesOfANonJsonContentType() {
    String seen =
        binary("raw", "application/fix", FIX.getBytes(StandardCharsets.UTF_8))
            .statusCode(200)
            .body("datacontenttype", startsWith("application/fix"))
            .extract()
            .path("data_base64");
    assertThat(decoded(seen)).isEqualTo(FIX);
  }

  @Test
  void binaryModeHandsOverTheRawBytesWhenThereIsNoContentType() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(root)
            .header("ce-specversion", "1.0")
            .header("ce-id", "e-2")
            .header("ce-source", "/tests")
            .header("ce-type", EchoFunction.ECHO)
            .POST(HttpRequest.BodyPublishers.ofString("<trade/>"))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.body()).contains(Base64.getEncoder().encodeToString("<trade/>".getBytes()));
  }

  @Test
  void structuredModeHandsOverAStringDataWithItsQuotesAndDecodesDataBase64() {
    String quoted =
        structured(
                """
                {"specversion":"1.0","id":"e-3","source":"/tests","type":"%s",
                 "datacontenttype":"text/plain","data":"8=FIX"}"""
                    .formatted(EchoFunction.ECHO))
            .statusCode(200)
            .extract()
            .path("data.data_base64");
    assertThat(decoded(quoted)).isEqualTo("\"8=FIX\"");
    String base64 =
        structured(
                """
                {"specversion":"1.0","id":"e-4","source":"/tests","type":"%s",
                 "datacontenttype":"application/fix","data_base64":"%s"}"""
                    .formatted(
                        EchoFunction.ECHO, Base64.getEncoder().encodeToString(FIX.getBytes())))
            .statusCode(200)
            .extract()
            .path("data.data_base64");
    assertThat(decoded(base64)).isEqualTo(FIX);
  }

  @Test
  void theReplyKeepsTheFunctionsIdAndExtensionsAndWritesTimeWithSeconds() {
    binary("raw", "application/json", "{}".getBytes())
        .statusCode(200)
        .header("ce-id", "echo-e-1")
        .header("ce-type", "tradeflow.test.echoed")
        .header("ce-partitionkey", "echo-key")
        .header("ce-time", "2026-11-21T09:30:00Z");
    structured(
            """
            {"specversion":"1.0","id":"e-5","source":"/tests","type":"%s","data":{}}"""
                .formatted(EchoFunction.ECHO))
        .statusCode(200)
        .contentType(containsString("application/cloudevents+json"))
        .body("id", equalTo("echo-e-5"))
        .body("partitionkey", equalTo("echo-key"))
        .body("time", equalTo("2026-11-21T09:30:00Z"))
        .body("datacontenttype", equalTo("application/json"));
  }

  @Test
  void noReplyEventIs204() {
    binary("none", "application/json", "{}".getBytes()).statusCode(204).body(emptyString());
  }

  @Test
  void whatTheFunctionThrowsReachesTheFailureHandlerUnwrapped() {
    binary("broken", "application/json", "{}".getBytes())
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("detail", equalTo("the echo function refused it"));
    binary("busy", "application/json", "{}".getBytes())
        .statusCode(503)
        .header("Retry-After", "2")
        .contentType(containsString("application/problem+json"))
        .body("detail", equalTo("the echo function is rebuilding"));
  }

  @Test
  void funqyOwnsPostRootAheadOfJaxRs() {
    binary("raw", "application/json", "{}".getBytes())
        .statusCode(200)
        .body(not(containsString(RootResource.ANSWER)));
    // not a CloudEvent: Funqy answers 406 itself, and the failure handler makes it a 400
    given()
        .contentType("text/plain")
        .body("hello")
        .post("/")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("detail", containsString("missing required CloudEvent attribute(s)"));
  }

  @Test
  void restCallsBesideFunqyAnswerAClientThatAsksForHttp2() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(root.resolve("/tests/rest"))
            .version(HttpClient.Version.HTTP_2)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(RootResource.ANSWER);
  }

  @Test
  void onlyPostIsTakenAtRoot() {
    given().get("/").then().statusCode(405).contentType(containsString("application/problem+json"));
  }
}
