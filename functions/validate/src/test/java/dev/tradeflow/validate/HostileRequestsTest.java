package dev.tradeflow.validate;

import static dev.tradeflow.testing.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tradeflow.formats.ParseLimits;
import dev.tradeflow.issuer.LocalIssuer;
import dev.tradeflow.model.Roles;
import dev.tradeflow.testing.KafkaBrokerResource;
import dev.tradeflow.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a careless or hostile client can send the trade store's REST API: no token, forged tokens,
 * the wrong role, oversized, deeply nested and malformed bodies, odd ids, wrong methods and media
 * types. Each gets its status as problem JSON, with no stack trace or class name in it, and the
 * store is unchanged afterwards.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class HostileRequestsTest {

  static final String TRADE = Trades.json("HR-AUTH", 1, "CP-1", "B1", "2027-05-20");

  @Test
  void withoutATokenEveryApiCallIs401() {
    String before = statistics();
    for (var call :
        List.<java.util.function.Supplier<Response>>of(
            () -> given().get("/api/v1/trades"),
            () -> given().get("/api/v1/trades/HR-1"),
            () -> given().get("/api/v1/statistics"),
            () -> given().get("/api/v1/audit-logs"),
            () -> given().contentType("application/json").body(TRADE).post("/api/v1/trades"),
            () -> given().delete("/api/v1/trades/HR-1"),
            () -> given().post("/api/v1/expire-trades"))) {
      problem(call.get().then(), 401).header("WWW-Authenticate", containsString("Bearer"));
    }
    assertThat(statistics()).isEqualTo(before);
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/api/v1/health").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
  }

  @Test
  void forgedExpiredAndMisaddressedTokensAre401AndChangeNothing() {
    LocalIssuer stranger = LocalIssuer.generate();
    Instant now = Instant.now();
    Map<String, Object> valid =
        TestTokens.ISSUER.claims("mallory", Roles.ALL, now, Duration.ofMinutes(5));
    Map<String, Object> expired =
        TestTokens.ISSUER.claims("mallory", Roles.ALL, now.minusSeconds(7200), Duration.ofHours(1));
    Map<String, Object> otherIssuer = new HashMap<>(valid);
    otherIssuer.put("iss", "https://issuer.example");
    Map<String, Object> otherAudience = new HashMap<>(valid);
    otherAudience.put("aud", "some-other-service");
    String before = statistics();
    for (String forged :
        List.of(
            stranger.sign(valid), // signed with a key the function does not trust
            TestTokens.ISSUER.sign(expired),
            TestTokens.ISSUER.sign(otherIssuer),
            TestTokens.ISSUER.sign(otherAudience),
            LocalIssuer.unsigned(valid), // alg: none
            TestTokens.ISSUER.sign(valid).replace('.', ',') /* not a JWT at all */)) {
      problem(
          given()
              .auth()
              .oauth2(forged)
              .contentType("application/json")
              .body(TRADE)
              .post("/api/v1/trades")
              .then(),
          401);
      problem(given().auth().oauth2(forged).get("/api/v1/statistics").then(), 401);
    }
    problem(
        given().header("Authorization", "Basic dGVzdGVyOnNlY3JldA==").get("/api/v1/trades").then(),
        401);
    assertThat(statistics()).isEqualTo(before);
    TestTokens.withAllRoles().get("/api/v1/trades/HR-AUTH").then().statusCode(404);
  }

  @Test
  void theWrongRoleIs403AndChangesNothing() {
    String reader = TestTokens.with(Roles.READER);
    String writer = TestTokens.with(Roles.TRADE_WRITER);
    String before = statistics();
    problem(
        given()
            .auth()
            .oauth2(reader)
            .contentType("application/json")
            .body(TRADE)
            .post("/api/v1/trades")
            .then(),
        403);
    problem(given().auth().oauth2(reader).delete("/api/v1/trades/HR-AUTH").then(), 403);
    problem(given().auth().oauth2(reader).post("/api/v1/expire-trades").then(), 403);
    problem(given().auth().oauth2(writer).post("/api/v1/expire-trades").then(), 403);
    problem(given().auth().oauth2(writer).get("/api/v1/statistics").then(), 403);
    problem(given().auth().oauth2(writer).get("/api/v1/audit-logs").then(), 403);
    assertThat(statistics()).isEqualTo(before);
  }

  @Test
  void eachRoleDoesWhatTheRoleTableSaysAndTheAuditLogSaysWho() {
    given()
        .auth()
        .oauth2(TestTokens.as("alice", Roles.TRADE_WRITER))
        .contentType("application/json")
        .body(Trades.json("HR-ROLE", 1, "CP-1", "B1", "2027-05-20"))
        .post("/api/v1/trades")
        .then()
        .statusCode(201);
    given()
        .auth()
        .oauth2(TestTokens.with(Roles.READER))
        .get("/api/v1/trades/HR-ROLE")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.with(Roles.OPERATOR))
        .post("/api/v1/expire-trades")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.as("bob", Roles.TRADE_WRITER))
        .delete("/api/v1/trades/HR-ROLE")
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(TestTokens.with(Roles.READER))
        .queryParam("trade_id", "HR-ROLE")
        .get("/api/v1/audit-logs")
        .then()
        .statusCode(200)
        .body("action", contains("DELETED", "ACCEPTED"))
        .body("actor", contains("bob", "alice"));
  }

  @Test
  void aTradeOverTheParseLimitIs413WithTheReasonParseGives() {
    String padded =
        Trades.json("HR-BIG", 1, "CP-1", "B1", "2027-05-20")
            .replace("{", "{" + " ".repeat(ParseLimits.MAX_BYTES));
    String before = statistics();
    problem(
            TestTokens.withAllRoles()
                .contentType("application/json")
                .body(padded)
                .post("/api/v1/trades")
                .then(),
            413)
        .body("reason", equalTo("PAYLOAD_TOO_LARGE"))
        .body("detail", containsString("the limit is " + ParseLimits.MAX_BYTES));
    assertThat(statistics()).isEqualTo(before);
    TestTokens.withAllRoles().get("/api/v1/trades/HR-BIG").then().statusCode(404);
  }

  @Test
  void aBodyOverTheHttpLimitIs413ProblemJson() {
    byte[] twoMegabytes = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(twoMegabytes, (byte) ' ');
    String before = statistics();
    problem(
        TestTokens.withAllRoles()
            .contentType("application/json")
            .body(twoMegabytes)
            .post("/api/v1/trades")
            .then(),
        413);
    assertThat(statistics()).isEqualTo(before);
  }

  @Test
  void nestingDeeperThanTheParseLimitIsARejectedTrade() {
    String deep =
        "{\"x\":".repeat(ParseLimits.MAX_NESTING_DEPTH + 4)
            + "1"
            + "}".repeat(ParseLimits.MAX_NESTING_DEPTH + 4);
    String before = statistics();
    problem(
            TestTokens.withAllRoles()
                .contentType("application/json")
                .body(deep)
                .post("/api/v1/trades")
                .then(),
            400)
        .body("reason", equalTo("MALFORMED_PAYLOAD"));
    assertThat(statistics()).isEqualTo(before);
  }

  @Test
  void garbageBodiesAreRejectedTradesAndChangeNothing() {
    String before = statistics();
    for (String garbage : new String[] {"", "null", "[]", "{", "\u0000\u0001", "<trade/>", "42"}) {
      problem(
          TestTokens.withAllRoles()
              .contentType("application/json")
              .body(garbage)
              .post("/api/v1/trades")
              .then(),
          400);
    }
    assertThat(statistics()).isEqualTo(before);
  }

  @Test
  void idsOutsideTheIdRuleAre400BeforeAnyLookup() {
    String tooLong = "T".repeat(65);
    for (String odd : new String[] {"bad id", "-leading-dash", tooLong, "x<script>", "%00", "é"}) {
      problem(
              TestTokens.withAllRoles()
                  .urlEncodingEnabled(true)
                  .get("/api/v1/trades/{id}", odd)
                  .then(),
              400)
          .body("detail", containsString("trade id must be 1 to 64"));
      problem(TestTokens.withAllRoles().delete("/api/v1/trades/{id}", odd).then(), 400);
      problem(TestTokens.withAllRoles().get("/api/v1/trades/book/{id}", odd).then(), 400)
          .body("detail", containsString("book id must be"));
    }
    problem(
            TestTokens.withAllRoles()
                .queryParam("trade_id", "a b")
                .get("/api/v1/audit-logs")
                .then(),
            400)
        .body("detail", containsString("trade_id must be"));
  }

  @Test
  void whatTheFrameworkRefusesIsProblemJsonToo() {
    problem(TestTokens.withAllRoles().get("/api/v1/no-such-thing").then(), 404);
    problem(TestTokens.withAllRoles().put("/api/v1/trades").then(), 405);
    problem(
        TestTokens.withAllRoles().accept("application/xml").get("/api/v1/statistics").then(), 406);
  }

  static String statistics() {
    return TestTokens.withAllRoles()
        .get("/api/v1/statistics")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("trades");
  }
}
