package dev.tradeflow.expire;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.model.TradeExpiry;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge of expire: the expiries a tick found, as {@code tradeflow.trade.expired} events whose
 * ids derive from the tick, so the same tick swept again emits the same events.
 */
public final class ExpiryEvents {

  private final Emitter emitter;

  public ExpiryEvents(Emitter emitter) {
    this.emitter = emitter;
  }

  public List<CloudEvent> of(CloudEvent tick, List<TradeExpiry> due) {
    List<CloudEvent> events = new ArrayList<>(due.size());
    for (int i = 0; i < due.size(); i++) {
      TradeExpiry expiry = due.get(i);
      events.add(emitter.emit(tick, EventType.TRADE_EXPIRED, expiry.tradeId(), i, expiry));
    }
    return events;
  }
}
