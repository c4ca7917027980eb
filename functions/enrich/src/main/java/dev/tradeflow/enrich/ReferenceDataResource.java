package dev.tradeflow.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeflow.binding.Binding;
import dev.tradeflow.binding.EventDispatcher;
import dev.tradeflow.binding.Problem;
import dev.tradeflow.binding.ProblemMappers;
import dev.tradeflow.binding.RequestBodies;
import dev.tradeflow.binding.RequestIds;
import dev.tradeflow.enrich.reference.InvalidReferenceData;
import dev.tradeflow.enrich.reference.ReferenceBodies;
import dev.tradeflow.enrich.reference.ReferenceChange;
import dev.tradeflow.enrich.reference.ReferenceRecords;
import dev.tradeflow.enrich.reference.ReferenceRow;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.model.ReferenceKind;
import dev.tradeflow.model.ReferenceRecord;
import dev.tradeflow.model.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Reference data over REST, for every {@link ReferenceKind}: read, store one, remove one, load
 * many. Each write becomes the {@code tradeflow.refdata.*} event a feed would send, and takes the
 * same path through the dispatcher: checked, written through its compacted topic, answered once
 * Kafka has it.
 */
@Path("/api/v1/reference/{kind}")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {

  static final String SOURCE = "/tradeflow/enrich/api/v1/reference";
  static final String CSV = "text/csv";

  @Inject ReferenceData referenceData;
  @Inject EventDispatcher dispatcher;
  @Inject ReferenceDataConfig config;

  /** What a bulk load did. */
  @RegisterForReflection // a Response entity: JAX-RS cannot see its type when it builds the image
  public record Loaded(String kind, int rows, int changed) {}

  @GET
  public List<ReferenceRecord> all(@PathParam("kind") String kind) {
    return referenceData.all(kind(kind));
  }

  @GET
  @Path("/{id}")
  public Response one(@PathParam("kind") String kind, @PathParam("id") String id) {
    ReferenceKind referenceKind = kind(kind);
    RequestIds.require(referenceKind.keyField(), id);
    return referenceData
        .get(referenceKind, id)
        .map(value -> Response.ok(value).build())
        .orElseGet(() -> notFound(referenceKind, id));
  }

  /**
   * Stores one value: 201 if it is new, 200 if it replaces one (or is the same). The body may leave
   * out the key field; if it has one, it must be the id in the path.
   */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.REFDATA_WRITER)
  public Response put(
      @PathParam("kind") String kind, @PathParam("id") String id, RoutingContext http) {
    ReferenceKind referenceKind = kind(kind);
    RequestIds.require(referenceKind.keyField(), id);
    try {
      JsonNode body = ReferenceBodies.tree(RequestBodies.bytes(http));
      ReferenceRecord value =
          ReferenceRecords.read(
              referenceKind, ReferenceBodies.row(withKey(body, referenceKind, id), null));
      boolean isNew = referenceData.get(referenceKind, id).isEmpty();
      apply(List.of(new ReferenceChange.Put(referenceKind, value)));
      return isNew
          ? Response.created(URI.create("/api/v1/reference/" + kind + "/" + id))
              .entity(value)
              .build()
          : Response.ok(value).build();
    } catch (InvalidReferenceData e) {
      return invalid(e);
    }
  }

  /** Removes one value: 204, or 404 if there is none. */
  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.REFDATA_WRITER)
  public Response delete(@PathParam("kind") String kind, @PathParam("id") String id) {
    ReferenceKind referenceKind = kind(kind);
    RequestIds.require(referenceKind.keyField(), id);
    if (referenceData.get(referenceKind, id).isEmpty()) {
      return notFound(referenceKind, id);
    }
    apply(List.of(new ReferenceChange.Remove(referenceKind, id)));
    return Response.noContent().build();
  }

  /**
   * Stores many values, from a JSON array of objects or from CSV ({@code text/csv}, a header row of
   * field names). Every row is checked first: one bad row and nothing is stored, and the answer
   * names each fault by row and field.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.REFDATA_WRITER)
  public Response load(@PathParam("kind") String kind, RoutingContext http) {
    ReferenceKind referenceKind = kind(kind);
    byte[] body = RequestBodies.bytes(http);
    try {
      List<ReferenceRow> rows =
          isCsv(http.request().getHeader("Content-Type"))
              ? ReferenceBodies.csv(body, config.maxRows())
              : ReferenceBodies.array(body, config.maxRows());
      List<ReferenceChange> changes =
          ReferenceRecords.readAll(referenceKind, rows).stream()
              .map(value -> (ReferenceChange) new ReferenceChange.Put(referenceKind, value))
              .toList();
      int changed = apply(changes);
      return Response.ok(new Loaded(referenceKind.pathName(), rows.size(), changed)).build();
    } catch (InvalidReferenceData e) {
      return invalid(e);
    }
  }

  /** The changes as one unit of work, each as the event a feed would send; how many changed. */
  private int apply(List<ReferenceChange> changes) {
    String request = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now();
    return dispatcher.run(
        Binding.REST,
        unit -> {
          int before = unit.writes().size();
          for (int i = 0; i < changes.size(); i++) {
            unit.handle(event(request + "/" + i, now, changes.get(i)));
          }
          return unit.writes().size() - before;
        });
  }

  private static CloudEvent event(String id, OffsetDateTime now, ReferenceChange change) {
    return new CloudEvent(
        id,
        SOURCE,
        change.eventType().type(),
        change.kind().pathName() + "/" + change.key(),
        now,
        MediaType.APPLICATION_JSON,
        change.orderingKey(),
        change.toJson());
  }

  private static JsonNode withKey(JsonNode body, ReferenceKind kind, String id) {
    if (!(body instanceof ObjectNode object)) {
      throw InvalidReferenceData.of(null, null, "the body must be a JSON object");
    }
    JsonNode given = object.get(kind.keyField());
    if (given == null || given.isNull()) {
      object.put(kind.keyField(), id);
    } else if (!id.equals(given.asText())) {
      throw InvalidReferenceData.of(
          null, kind.keyField(), "is '" + given.asText() + "', but the path names '" + id + "'");
    }
    return object;
  }

  private static boolean isCsv(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).trim().startsWith(CSV);
  }

  private static ReferenceKind kind(String name) {
    return ReferenceKind.byPathName(name).orElseThrow(() -> new UnknownKind(name));
  }

  /** A path that names no kind of reference data. */
  static final class UnknownKind extends RuntimeException {
    UnknownKind(String name) {
      super(
          "no kind of reference data is called '"
              + name
              + "'; the kinds are "
              + ReferenceKind.pathNames(),
          null,
          false,
          false);
    }
  }

  @ServerExceptionMapper
  public Response unknownKind(UnknownKind e) {
    return ProblemMappers.problem(Problem.of(404, "Not found", e.getMessage()));
  }

  private static Response invalid(InvalidReferenceData e) {
    return ProblemMappers.problem(Problem.invalidReferenceData(e.getMessage(), e.errors()));
  }

  private static Response notFound(ReferenceKind kind, String id) {
    return ProblemMappers.problem(
        Problem.of(404, "Not found", "no reference data for " + kind.pathName() + " " + id));
  }
}
