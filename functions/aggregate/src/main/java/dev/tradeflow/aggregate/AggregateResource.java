package dev.tradeflow.aggregate;

import dev.tradeflow.binding.Problem;
import dev.tradeflow.binding.RequestIds;
import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.Dimension;
import dev.tradeflow.model.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Aggregates per book and per counterparty, as of the latest change applied. */
@Path("/api/v1/aggregates")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
public class AggregateResource {

  @Inject AggregateState state;

  @GET
  public List<Aggregate> all() {
    return state.counts().all();
  }

  @GET
  @Path("/book/{id}")
  public Response book(@PathParam("id") String id) {
    return one(new AggregateKey(Dimension.BOOK, RequestIds.require("book id", id)));
  }

  @GET
  @Path("/counterparty/{id}")
  public Response counterparty(@PathParam("id") String id) {
    return one(new AggregateKey(Dimension.COUNTERPARTY, RequestIds.require("counterparty id", id)));
  }

  private Response one(AggregateKey key) {
    Aggregate aggregate = state.counts().get(key);
    if (aggregate.liveTrades() == 0 && aggregate.expiredTrades() == 0) {
      return Response.status(404)
          .type(Problem.MEDIA_TYPE)
          .entity(Problem.of(404, "No trades", "no trades counted for " + key.key()))
          .build();
    }
    return Response.ok(aggregate).build();
  }
}
