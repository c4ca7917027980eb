package dev.tradeflow.aggregate;

import dev.tradeflow.binding.RequestIds;
import dev.tradeflow.model.Money;
import dev.tradeflow.model.PositionView;
import dev.tradeflow.model.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Positions, exposure and P&L, as of the latest change, price and FX rate applied. */
@Path("/api/v1")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {

  @Inject AggregateState state;

  /** A counterparty's gross exposure against its limit (utilisation in percent, 2 places). */
  public record ExposureView(
      String counterpartyId,
      Money gross,
      int trades,
      Money limit,
      BigDecimal utilisationPercent,
      boolean overLimit) {}

  /**
   * A book's P&L in the reporting currency over its priced positions; {@code unpriced} names the
   * instruments left out for want of a market price or an FX rate.
   */
  public record BookPnl(String book, Money pnl, int positions, List<String> unpriced) {}

  @GET
  @Path("/positions")
  public List<PositionView> positions(@QueryParam("book") String book) {
    if (book != null) {
      return byBook(book);
    }
    return state.positions().keys(k -> true).stream().map(state::position).toList();
  }

  @GET
  @Path("/positions/book/{book}")
  public List<PositionView> byBook(@PathParam("book") String book) {
    RequestIds.require("book", book);
    return state.positions().keys(k -> k.book().equals(book)).stream()
        .map(state::position)
        .toList();
  }

  @GET
  @Path("/exposure/counterparty/{id}")
  public ExposureView exposure(@PathParam("id") String id) {
    RequestIds.require("counterparty id", id);
    String currency = state.reportingCurrency();
    BigDecimal gross = state.exposures().of(id);
    var limit = state.limit(id);
    return new ExposureView(
        id,
        Money.of(gross, currency),
        state.exposures().trades(id),
        limit.map(l -> Money.of(l, currency)).orElse(null),
        limit
            .map(l -> gross.multiply(BigDecimal.valueOf(100)).divide(l, 2, RoundingMode.HALF_EVEN))
            .orElse(null),
        limit.map(l -> gross.compareTo(l) > 0).orElse(false));
  }

  @GET
  @Path("/pnl/book/{book}")
  public BookPnl pnl(@PathParam("book") String book) {
    List<PositionView> positions = byBook(book);
    BigDecimal total = BigDecimal.ZERO;
    List<String> unpriced = new ArrayList<>();
    for (PositionView p : positions) {
      if (p.pnlReporting() == null) {
        unpriced.add(p.instrument());
      } else {
        total = total.add(p.pnlReporting().amount());
      }
    }
    return new BookPnl(
        book, Money.of(total, state.reportingCurrency()), positions.size(), unpriced);
  }
}
