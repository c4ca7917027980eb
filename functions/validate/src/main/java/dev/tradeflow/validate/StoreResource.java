package dev.tradeflow.validate;

import dev.tradeflow.binding.EventDispatcher;
import dev.tradeflow.binding.KafkaWrites;
import dev.tradeflow.binding.PendingWrites;
import dev.tradeflow.binding.StateStores;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.TradeExpiry;
import dev.tradeflow.state.RebuildStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The trade store's operational endpoints: statistics, audit log, health, manual expiry. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class StoreResource {

  @Inject TradeStore store;
  @Inject AuditLog audit;
  @Inject ValidateHandler handler;
  @Inject KafkaWrites kafka;
  @Inject StateStores stores;
  @Inject EventDispatcher dispatcher;

  public record BookCounts(long live, long expired) {}

  public record Statistics(
      LocalDate businessDate,
      long trades,
      long live,
      long expired,
      Map<String, BookCounts> byBook,
      Map<AuditAction, Long> decisionsSinceStart) {}

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

  /** Flags every stored trade whose maturity is before the business date as expired. */
  @POST
  @Path("/expire-trades")
  public ExpirySweep expireTrades() {
    LocalDate today = handler.calendar().today();
    String sweep = UUID.randomUUID().toString();
    List<String> expired = new ArrayList<>();
    List<CloudEvent> events = new ArrayList<>();
    dispatcher.awaitState(false);
    PendingWrites writes = dispatcher.newWrites();
    for (StoredTrade stored : store.all()) {
      if (!BusinessCalendar.dueForExpiry(stored.trade(), today)) {
        continue;
      }
      String id = stored.tradeId();
      CloudEvent cause =
          new CloudEvent(
              sweep + "/" + id,
              "/tradeflow/validate/api/v1/expire-trades",
              "expire",
              id,
              null,
              null,
              id,
              null);
      TradeExpiry expiry =
          new TradeExpiry(id, stored.trade().version(), stored.trade().maturityDate(), today);
      ValidateResult result = handler.expire(cause, expiry, writes);
      events.addAll(result.events());
      if (result.audit() != null) {
        expired.add(id);
      }
    }
    kafka.await(writes, events);
    expired.sort(null);
    return new ExpirySweep(today, expired.size(), expired);
  }

  @GET
  @Path("/audit-logs")
  public List<AuditEntry> auditLogs(
      @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("trade_id") String tradeId) {
    return audit.recent(Math.max(1, Math.min(limit, 10_000)), Optional.ofNullable(tradeId));
  }

  @GET
  @Path("/health")
  public Response health() {
    boolean up = stores.allReady();
    Health health =
        new Health(up ? "UP" : "DOWN", "validate", handler.calendar().today(), stores.statuses());
    return Response.status(up ? 200 : 503).entity(health).build();
  }
}
