package dev.tradeflow.binding;

import dev.tradeflow.events.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * How a request refused by HTTP itself is answered, on every path: problem JSON with the status,
 * and a title and detail written here, never a framework's message or an empty body. The REST API's
 * mapper ({@link ProblemMappers#refused}) and the route failure handler below both use it; a
 * failure on {@code /} is {@link CloudEventRoutes}'s, which runs first.
 */
@ApplicationScoped
public class RefusedRequests {

  void install(@Observes Router router) {
    router.route().order(-999).failureHandler(RefusedRequests::answer);
  }

  private static void answer(RoutingContext http) {
    HttpServerResponse response = http.response();
    if (response.ended() || response.headWritten()) {
      return;
    }
    int status = http.statusCode() >= 400 ? http.statusCode() : 500;
    Problem problem = problem(status);
    response
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(Buffer.buffer(Json.write(problem)));
  }

  /** The problem for a refusal with this status, titled and explained once, here. */
  static Problem problem(int status) {
    return Problem.of(status, title(status), detail(status));
  }

  private static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known != null ? known.getReasonPhrase() : "HTTP " + status;
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "the request could not be read";
      case 401 -> "a valid bearer token is needed";
      case 403 -> "the token's roles do not allow this";
      case 404 -> "nothing is served at this path";
      case 405 -> "this path does not take that method";
      case 406 -> "this path cannot answer in the media type asked for";
      case 413 -> "the request body is over the limit";
      case 415 -> "this path does not take that content type";
      default ->
          status >= 500 ? "the request failed; the function's log has the cause" : title(status);
    };
  }
}
