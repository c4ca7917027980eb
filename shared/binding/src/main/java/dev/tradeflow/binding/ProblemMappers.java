package dev.tradeflow.binding;

import dev.tradeflow.cloudevents.MalformedEventException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the binding's exceptions into problem-JSON answers. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response malformed(MalformedEventException e) {
    return problem(Problem.badEvent(e.getMessage()));
  }

  @ServerExceptionMapper
  public Response notReady(NotReadyException e) {
    return unavailable("Not ready", e.getMessage());
  }

  private static Response unavailable(String title, String detail) {
    return Response.status(503)
        .header("Retry-After", "2")
        .type(Problem.MEDIA_TYPE)
        .entity(Problem.of(503, title, detail))
        .build();
  }

  @ServerExceptionMapper
  public Response circuitOpen(CircuitBreakerOpenException e) {
    return unavailable("Kafka unavailable", "Kafka writes keep failing; the circuit is open");
  }

  @ServerExceptionMapper
  public Response timedOut(TimeoutException e) {
    return unavailable("Kafka unavailable", "Kafka did not take the writes in time");
  }

  @ServerExceptionMapper
  public Response failed(EventProcessingException e) {
    LOG.errorf(e, "processing failed: %s", e.getMessage());
    return Response.status(500)
        .type(Problem.MEDIA_TYPE)
        .entity(Problem.of(500, "Processing failed", e.getMessage()))
        .build();
  }

  public static Response problem(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
