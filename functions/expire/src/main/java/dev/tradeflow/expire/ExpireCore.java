package dev.tradeflow.expire;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.TradeExpiry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the stored trades whose maturity date is before the business date and that are not yet
 * flagged, and emits one {@code tradeflow.trade.expired} for each. Validate does the flagging, and
 * checks the maturity again itself, so a repeated or early tick cannot expire a trade wrongly.
 */
public final class ExpireCore {

  private final Emitter emitter;

  public ExpireCore(Emitter emitter) {
    this.emitter = emitter;
  }

  /**
   * One {@code trade.expired} per stored trade due on {@code businessDate}, in trade-id order;
   * {@code requestedBy} (null unless a person asked over REST) goes into each.
   */
  public List<CloudEvent> sweep(
      CloudEvent tick, Collection<StoredTrade> stored, LocalDate businessDate, String requestedBy) {
    List<StoredTrade> due =
        stored.stream()
            .filter(t -> BusinessCalendar.dueForExpiry(t.trade(), businessDate))
            .sorted(Comparator.comparing(StoredTrade::tradeId))
            .toList();
    List<CloudEvent> expired = new ArrayList<>(due.size());
    for (int i = 0; i < due.size(); i++) {
      StoredTrade trade = due.get(i);
      TradeExpiry expiry =
          new TradeExpiry(
              trade.tradeId(),
              trade.trade().version(),
              trade.trade().maturityDate(),
              businessDate,
              requestedBy);
      expired.add(emitter.emit(tick, EventType.TRADE_EXPIRED, trade.tradeId(), i, expiry));
    }
    return expired;
  }
}
