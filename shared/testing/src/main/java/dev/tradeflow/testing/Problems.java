package dev.tradeflow.testing;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.response.ValidatableResponse;

/** Checks on a problem-JSON answer, for the tests of what clients may send. */
public final class Problems {

  private Problems() {}

  /** The status, as problem JSON, with nothing in it that names code: no trace, no class. */
  public static ValidatableResponse problem(ValidatableResponse answer, int status) {
    return answer
        .statusCode(status)
        .contentType(containsString("application/problem+json"))
        .body("status", equalTo(status))
        .body(
            not(
                anyOf(
                    containsString("Exception"),
                    containsString("\tat "),
                    containsString("java."),
                    containsString("dev.tradeflow"),
                    containsString("io.quarkus"))));
  }
}
