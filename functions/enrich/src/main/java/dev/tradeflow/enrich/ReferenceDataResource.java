package dev.tradeflow.enrich;

import dev.tradeflow.binding.Problem;
import dev.tradeflow.binding.RequestIds;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
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
import java.util.Optional;

/** Read-only view of the reference data enrich holds. */
@Path("/api/v1/reference")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {

  @Inject ReferenceData referenceData;

  @GET
  @Path("/counterparties")
  public List<Counterparty> counterparties() {
    return referenceData.counterparties();
  }

  @GET
  @Path("/counterparties/{id}")
  public Response counterparty(@PathParam("id") String id) {
    RequestIds.require("counterparty id", id);
    return found(referenceData.counterparty(id), "counterparty " + id);
  }

  @GET
  @Path("/books")
  public List<Book> books() {
    return referenceData.books();
  }

  @GET
  @Path("/books/{id}")
  public Response book(@PathParam("id") String id) {
    RequestIds.require("book id", id);
    return found(referenceData.book(id), "book " + id);
  }

  private static Response found(Optional<?> value, String what) {
    return value
        .map(v -> Response.ok(v).build())
        .orElseGet(
            () ->
                Response.status(404)
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(404, "Not found", "no reference data for " + what))
                    .build());
  }
}
