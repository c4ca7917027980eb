package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.MalformedEventException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * How a failure is answered over HTTP, written once for the Funqy route ({@link CloudEventRoutes})
 * and the REST API ({@link ProblemMappers}): 400 for a broken event, 503 with {@code Retry-After}
 * while the function cannot take it yet, 500 when it failed on it. Knative retries 5xx and
 * dead-letters what it gives up on; it does not retry 400.
 */
public record ProblemAnswer(Problem problem, String retryAfter) {

  static final String RETRY_AFTER_SECONDS = "2";

  public int status() {
    return problem.status();
  }

  public static ProblemAnswer of(Throwable failure) {
    return switch (failure) {
      case MalformedEventException e ->
          new ProblemAnswer(Problem.badEvent(e.getMessage(), e.errors()), null);
      case InvalidRequestException e -> status(400, "Bad request", e.getMessage());
      case NotReadyException e -> unavailable("Not ready", e.getMessage());
      case CircuitBreakerOpenException e ->
          unavailable("Kafka unavailable", "Kafka writes keep failing; the circuit is open");
      case TimeoutException e ->
          unavailable("Kafka unavailable", "Kafka did not take the writes in time");
      case EventProcessingException e -> failed(e.getMessage());
      default -> failed("the function failed on the event");
    };
  }

  public static ProblemAnswer badEvent(String detail) {
    return new ProblemAnswer(Problem.badEvent(detail, java.util.List.of()), null);
  }

  public static ProblemAnswer status(int status, String title, String detail) {
    return new ProblemAnswer(Problem.of(status, title, detail), null);
  }

  private static ProblemAnswer unavailable(String title, String detail) {
    return new ProblemAnswer(Problem.of(503, title, detail), RETRY_AFTER_SECONDS);
  }

  private static ProblemAnswer failed(String detail) {
    return new ProblemAnswer(Problem.of(500, "Processing failed", detail), null);
  }
}
