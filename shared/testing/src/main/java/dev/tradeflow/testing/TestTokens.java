package dev.tradeflow.testing;

import dev.tradeflow.issuer.LocalIssuer;
import dev.tradeflow.model.Roles;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/**
 * The tests' token issuer: one key pair per test JVM, whose public key {@link KafkaBrokerResource}
 * gives the app under test, so the app verifies real signed tokens, as in production.
 */
public final class TestTokens {

  public static final LocalIssuer ISSUER = LocalIssuer.generate();

  /** A token with every role, for tests about something other than who may call. */
  public static final String ALL_ROLES = ISSUER.token("tester", Roles.ALL);

  private TestTokens() {}

  /** A REST request with a token of every role. */
  public static RequestSpecification withAllRoles() {
    return RestAssured.given().auth().oauth2(ALL_ROLES);
  }

  /** A token for subject {@code tester} with exactly these roles. */
  public static String with(String... roles) {
    return as("tester", roles);
  }

  /** A token for {@code subject} with exactly these roles. */
  public static String as(String subject, String... roles) {
    return ISSUER.token(subject, List.of(roles));
  }
}
