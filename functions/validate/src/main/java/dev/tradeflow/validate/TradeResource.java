package dev.tradeflow.validate;

import dev.tradeflow.binding.Binding;
import dev.tradeflow.binding.EventDispatcher;
import dev.tradeflow.binding.Page;
import dev.tradeflow.binding.ParseLimitsConfig;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.binding.Problem;
import dev.tradeflow.binding.ProblemMappers;
import dev.tradeflow.binding.RequestBodies;
import dev.tradeflow.binding.RequestIds;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import dev.tradeflow.formats.Decoded;
import dev.tradeflow.formats.ParseLimits;
import dev.tradeflow.formats.TradeJsonReader;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Roles;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The trade store's REST face: create or replace, read, list, delete. */
@Path("/api/v1/trades")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
public class TradeResource {

  static final String SOURCE = "/tradeflow/validate/api/v1/trades";

  @Inject ValidateHandler handler;
  @Inject TradeStore store;
  @Inject EventDispatcher dispatcher;

  private final ParseLimits limits;
  private final TradeJsonReader reader;

  public TradeResource(ParseLimitsConfig config) {
    this.limits = config.limits();
    this.reader = new TradeJsonReader(limits.maxNestingDepth(), limits.maxTradesPerMessage());
  }

  /**
   * 201 for a new trade or a higher version, 200 for the same version, 400 with the reason; 413 for
   * a body over {@code tradeflow.parse.max-bytes}, the bound parse holds trades to.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.TRADE_WRITER)
  public Response submit(RoutingContext http) {
    byte[] body = RequestBodies.bytes(http);
    if (body.length > limits.maxBytes()) {
      return ProblemMappers.problem(
          Problem.tooLarge(
              RejectReason.PAYLOAD_TOO_LARGE.name(),
              "the trade has " + body.length + " bytes; the limit is " + limits.maxBytes()));
    }
    List<Decoded> decoded = reader.read(body);
    if (decoded.size() != 1) {
      return ProblemMappers.problem(
          Problem.of(400, "One trade per request", "send one trade object, not an array"));
    }
    if (decoded.get(0) instanceof Decoded.Fault fault) {
      return ProblemMappers.problem(
          Problem.rejectedTrade(fault.reason().name(), fault.message(), fault.location()));
    }
    var trade = ((Decoded.Read) decoded.get(0)).trade();
    CloudEvent cause =
        new CloudEvent(
            UUID.randomUUID().toString(),
            SOURCE,
            EventType.TRADE_PARSED.type(),
            trade.tradeId(),
            OffsetDateTime.now(),
            MediaType.APPLICATION_JSON,
            trade.tradeId(),
            body);
    ValidateResult result = applied(cause, writes -> handler.submit(cause, trade, writes));
    return switch (result.audit().action()) {
      case ACCEPTED ->
          Response.created(URI.create("/api/v1/trades/" + trade.tradeId()))
              .entity(view(trade.tradeId()))
              .build();
      case REPLACED -> Response.ok(view(trade.tradeId())).build();
      default -> {
        // the decision, as the audit entry records it: no reading the rejection back from bytes
        AuditEntry why = result.audit();
        yield ProblemMappers.problem(
            Problem.rejectedTrade(why.reason().name(), why.detail(), null));
      }
    };
  }

  @GET
  public Page<TradeView> list(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    int boundedSize = Math.max(1, Math.min(size, 500));
    List<TradeView> all = store.sorted(t -> true).stream().map(TradeView::of).toList();
    return Page.of(all, Math.max(0, page), boundedSize);
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    RequestIds.require("trade id", id);
    return store
        .get(id)
        .map(t -> Response.ok(TradeView.of(t)).build())
        .orElseGet(() -> notFound(id));
  }

  @GET
  @Path("/book/{bookId}")
  public List<TradeView> byBook(@PathParam("bookId") String bookId) {
    RequestIds.require("book id", bookId);
    return store.sorted(t -> t.trade().bookId().equals(bookId)).stream()
        .map(TradeView::of)
        .toList();
  }

  /** Removes the trade: a tombstone on the store's topic and a {@code trade.deleted} event. */
  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.TRADE_WRITER)
  public Response delete(@PathParam("id") String id) {
    RequestIds.require("trade id", id);
    // counted as a request to withdraw the trade; the store deletes it whatever its version
    CloudEvent cause =
        new CloudEvent(
            UUID.randomUUID().toString(),
            SOURCE,
            EventType.TRADE_CANCEL_REQUESTED.type(),
            id,
            null,
            null,
            id,
            null);
    ValidateResult result = applied(cause, writes -> handler.delete(cause, id, writes));
    return result.audit() == null ? notFound(id) : Response.noContent().build();
  }

  /** One REST request as one unit of work: the decision, its state writes, then its events. */
  private ValidateResult applied(
      CloudEvent cause, java.util.function.Function<PendingWrites, ValidateResult> decision) {
    return dispatcher.run(
        Binding.REST,
        unit -> {
          ValidateResult result = unit.decide(cause, decision, ValidateResult::events);
          unit.publish(result.events());
          return result;
        });
  }

  private TradeView view(String id) {
    return store.get(id).map(TradeView::of).orElseThrow();
  }

  static Response notFound(String id) {
    return Response.status(404)
        .type(Problem.MEDIA_TYPE)
        .entity(Problem.of(404, "No such trade", "no trade " + id + " in the store"))
        .build();
  }
}
