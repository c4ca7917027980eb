package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.CloudEventAttributes;
import dev.tradeflow.events.Json;
import io.quarkus.funqy.runtime.ApplicationException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jboss.logging.Logger;

/**
 * What tradeflow adds around Funqy's route {@code /}:
 *
 * <ul>
 *   <li>one failure handler, so every failure there is problem JSON with the status Knative's
 *       contract wants: 400 for a broken or misrouted event (Funqy's own 404, 406 and 409 included,
 *       which Knative would retry), 401 without a valid delivery token (when {@link DeliveryTokens}
 *       demands one), 405 for a method other than POST, 413 for a body over the limit, 503 with
 *       {@code Retry-After} while the function cannot take the event yet, 500 when it failed on it.
 *       No stack traces in answers;
 *   <li>the reply's {@code ce-time} in RFC 3339 with seconds (Funqy writes {@code
 *       OffsetDateTime.toString()}, which drops zero seconds);
 *   <li>202 instead of Funqy's 204 when the function sent several events to Kafka itself.
 * </ul>
 */
@ApplicationScoped
public class CloudEventRoutes {

  static final String FUNCTION_RAN = "tradeflow.function-ran";
  static final String SENT_TO_KAFKA = "tradeflow.sent-to-kafka";
  private static final Logger LOG = Logger.getLogger(CloudEventRoutes.class);

  void install(@Observes Router router) {
    router
        .route("/")
        .order(-1_000)
        .handler(
            http -> {
              http.addHeadersEndHandler(ignored -> beforeHeaders(http));
              http.next();
            })
        .failureHandler(this::answer);
  }

  private static void beforeHeaders(RoutingContext http) {
    HttpServerResponse response = http.response();
    String time = response.headers().get("ce-time");
    if (time != null) {
      try {
        response.headers().set("ce-time", CloudEventAttributes.format(OffsetDateTime.parse(time)));
      } catch (DateTimeParseException keepAsIs) {
        // not ours to fix
      }
    }
    if (response.getStatusCode() == 204 && http.get(SENT_TO_KAFKA) != null) {
      response.setStatusCode(202);
    }
  }

  private void answer(RoutingContext http) {
    if (http.response().ended()) {
      return;
    }
    ProblemAnswer answer = explain(http);
    if (answer.status() >= 500) {
      LOG.errorf(http.failure(), "%s on %s", answer.problem().detail(), http.request().path());
    }
    HttpServerResponse response = http.response();
    response.headers().remove("ce-id").remove("ce-type").remove("ce-source");
    response.setStatusCode(answer.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
    if (answer.retryAfter() != null) {
      response.putHeader("Retry-After", answer.retryAfter());
    }
    if (answer.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.end(Buffer.buffer(Json.write(answer.problem())));
  }

  private static ProblemAnswer explain(RoutingContext http) {
    Throwable failure = http.failure();
    if (failure instanceof ApplicationException thrownByTheFunction) {
      return ProblemAnswer.of(thrownByTheFunction.getCause());
    }
    if (http.get(FUNCTION_RAN) != null && failure != null) {
      return ProblemAnswer.of(failure); // after the function: writing its reply failed
    }
    if (http.statusCode() == 413 || http.statusCode() == 401) {
      return new ProblemAnswer(RefusedRequests.problem(http.statusCode()), null);
    }
    if (http.request().method() != HttpMethod.POST) {
      return ProblemAnswer.status(405, "Method not allowed", "CloudEvents are POSTed to /");
    }
    String fault =
        HttpCloudEvents.fault(
            http.request().getHeader("Content-Type"),
            http.request()::getHeader,
            RequestBodies.bytes(http));
    if (fault != null) {
      return ProblemAnswer.badEvent(fault);
    }
    return ProblemAnswer.badEvent(
        "the request was refused before the function ran"
            + (http.statusCode() > 0 ? " (status " + http.statusCode() + ")" : "")
            + (failure != null ? ": " + failure.getMessage() : ""));
  }
}
