package dev.tradeflow.validate;

import dev.tradeflow.binding.Binding;
import dev.tradeflow.binding.EventDispatcher;
import dev.tradeflow.binding.RequestIds;
import dev.tradeflow.binding.StateStores;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Json;
import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.Roles;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.TradeExpiry;
import dev.tradeflow.state.RebuildStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The trade store's operational endpoints: statistics, audit log, health, manual expiry. */
@Path("/api/v1")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
public class StoreResource {

  static final String SOURCE = "/tradeflow/validate/api/v1/expire-trades";

  @Inject TradeStore store;
  @Inject AuditLog audit;
  @Inject ValidateHandler handler;
  @Inject StateStores stores;
  @Inject EventDispatcher dispatcher;

  public record BookCounts(long live, long expired) {}

  public record Statistics(
      LocalDate businessDate,
      long trades,
      long live,
      long expired,
      Map<String, BookCounts> byBook,
      Map<AuditAction, Long> decisions) {}

  public record ExpirySweep(LocalDate businessDate, int expired, List<String> tradeIds) {}

  @RegisterForReflection
  public record Health(
      String status, String function, LocalDate businessDate, List<RebuildStatus> state) {}

  @GET
  @Path("/statistics")
  public Statistics statistics() {
    Map<String, long[]> books = new TreeMap<>();
    long expired = 0;
    List<StoredTrade> all = store.all();
    for (StoredTrade stored : all) {
      long[] counts = books.computeIfAbsent(stored.trade().bookId(), b -> new long[2]);
      counts[stored.trade().expired() ? 1 : 0]++;
      expired += stored.trade().expired() ? 1 : 0;
    }
    Map<String, BookCounts> byBook = new TreeMap<>();
    books.forEach((book, c) -> byBook.put(book, new BookCounts(c[0], c[1])));
    return new Statistics(
        handler.calendar().today(),
        all.size(),
        all.size() - expired,
        expired,
        byBook,
        audit.counts());
  }

  /**
   * Flags every stored trade whose maturity is before the business date as expired: one {@code
   * tradeflow.trade.expired} event per matured trade, all in one unit of work.
   */
  @POST
  @Path("/expire-trades")
  @RolesAllowed(Roles.OPERATOR)
  public ExpirySweep expireTrades() {
    LocalDate today = handler.calendar().today();
    String sweep = UUID.randomUUID().toString();
    List<String> expired =
        dispatcher.run(
            Binding.REST,
            unit -> {
              List<String> ids = new ArrayList<>();
              for (StoredTrade stored : store.all()) {
                if (BusinessCalendar.dueForExpiry(stored.trade(), today)) {
                  List<CloudEvent> emitted = unit.handle(expiry(sweep, stored, today));
                  unit.publish(emitted);
                  if (!emitted.isEmpty()) {
                    ids.add(stored.tradeId());
                  }
                }
              }
              return ids;
            });
    expired.sort(null);
    return new ExpirySweep(today, expired.size(), expired);
  }

  private static CloudEvent expiry(String sweep, StoredTrade stored, LocalDate today) {
    String id = stored.tradeId();
    TradeExpiry expiry =
        new TradeExpiry(id, stored.trade().version(), stored.trade().maturityDate(), today);
    return new CloudEvent(
        sweep + "/" + id,
        SOURCE,
        EventType.TRADE_EXPIRED.type(),
        id,
        OffsetDateTime.now(),
        Emitter.JSON,
        id,
        Json.write(expiry));
  }

  @GET
  @Path("/audit-logs")
  public List<AuditEntry> auditLogs(
      @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("trade_id") String tradeId) {
    if (tradeId != null) {
      RequestIds.require("trade_id", tradeId);
    }
    return audit.recent(Math.max(1, Math.min(limit, 10_000)), Optional.ofNullable(tradeId));
  }

  @GET
  @Path("/health")
  @PermitAll
  public Response health() {
    boolean up = stores.allReady();
    Health health =
        new Health(up ? "UP" : "DOWN", "validate", handler.calendar().today(), stores.statuses());
    return Response.status(up ? 200 : 503).entity(health).build();
  }
}
