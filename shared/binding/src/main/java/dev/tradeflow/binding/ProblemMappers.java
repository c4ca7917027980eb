package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.MalformedEventException;
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
