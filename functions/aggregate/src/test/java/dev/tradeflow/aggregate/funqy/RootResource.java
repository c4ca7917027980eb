package dev.tradeflow.aggregate.funqy;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A test-only JAX-RS resource on {@code /}: Funqy's route must still take {@code POST /}. */
@Path("/")
public class RootResource {

  static final String ANSWER = "answered by JAX-RS";

  @POST
  @Produces(MediaType.TEXT_PLAIN)
  public String post() {
    return ANSWER;
  }

  /** A REST call beside Funqy, for a client that asks for HTTP/2. */
  @POST
  @Path("tests/rest")
  @Produces(MediaType.TEXT_PLAIN)
  public String rest() {
    return ANSWER;
  }
}
