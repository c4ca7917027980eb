package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.MalformedEventException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the REST API's failures into problem-JSON answers, as {@link ProblemAnswer} says. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response malformed(MalformedEventException e) {
    return answer(e);
  }

  @ServerExceptionMapper
  public Response invalid(InvalidRequestException e) {
    return answer(e);
  }

  @ServerExceptionMapper
  public Response notReady(NotReadyException e) {
    return answer(e);
  }

  @ServerExceptionMapper
  public Response circuitOpen(CircuitBreakerOpenException e) {
    return answer(e);
  }

  @ServerExceptionMapper
  public Response timedOut(TimeoutException e) {
    return answer(e);
  }

  @ServerExceptionMapper
  public Response failed(EventProcessingException e) {
    LOG.errorf(e, "processing failed: %s", e.getMessage());
    return answer(e);
  }

  /** No token, or one that does not verify (signature, expiry, issuer, audience): 401. */
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(RuntimeException e) {
    return Response.fromResponse(problem(RefusedRequests.problem(401)))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }

  /** A valid token without the role the endpoint needs: 403. */
  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return problem(RefusedRequests.problem(403));
  }

  /**
   * What the framework refuses (no such path, wrong method, content type or accept, an unreadable
   * body): problem JSON with the status, and a detail of tradeflow's own, never the framework's
   * message, which may name internal classes.
   */
  @ServerExceptionMapper
  public Response refused(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    return problem(RefusedRequests.problem(status));
  }

  /** Anything else: a 500 whose cause goes to the log, not to the client. */
  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.errorf(e, "a REST request failed: %s", e.toString());
    return answer(e);
  }

  private static Response answer(Throwable failure) {
    ProblemAnswer answer = ProblemAnswer.of(failure);
    Response.ResponseBuilder response = Response.status(answer.status());
    if (answer.retryAfter() != null) {
      response.header("Retry-After", answer.retryAfter());
    }
    return response.type(Problem.MEDIA_TYPE).entity(answer.problem()).build();
  }

  public static Response problem(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
