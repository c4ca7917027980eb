package dev.tradeflow.expire;

import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.TradeExpiry;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the stored trades whose maturity date is before the business date and that are not yet
 * flagged: one {@link TradeExpiry} each, which {@link ExpiryEvents} turns into {@code
 * tradeflow.trade.expired} events. Validate does the flagging, and checks the maturity again
 * itself, so a repeated or early tick cannot expire a trade wrongly.
 */
public final class ExpireCore {

  private ExpireCore() {}

  /**
   * The expiries due on {@code businessDate}, in trade-id order; {@code requestedBy} (null unless a
   * person asked over REST) goes into each.
   */
  public static List<TradeExpiry> due(
      Collection<StoredTrade> stored, LocalDate businessDate, String requestedBy) {
    return stored.stream()
        .filter(t -> BusinessCalendar.dueForExpiry(t.trade(), businessDate))
        .sorted(Comparator.comparing(StoredTrade::tradeId))
        .map(
            t ->
                new TradeExpiry(
                    t.tradeId(),
                    t.trade().version(),
                    t.trade().maturityDate(),
                    businessDate,
                    requestedBy))
        .toList();
  }
}
