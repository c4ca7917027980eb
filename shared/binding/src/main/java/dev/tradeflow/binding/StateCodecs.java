package dev.tradeflow.binding;

import dev.tradeflow.events.Json;
import dev.tradeflow.events.StoredTradeJson;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.state.ValueCodec;

/** How state values are stored: tradeflow's canonical JSON. */
public final class StateCodecs {

  /** Stored trades, the largest state, are read with a streaming reader: rebuilds are faster. */
  public static final ValueCodec<StoredTrade> STORED_TRADE =
      ValueCodec.of(Json::write, StoredTradeJson::read);

  private StateCodecs() {}

  public static <V> ValueCodec<V> json(Class<V> type) {
    return ValueCodec.of(Json::write, bytes -> Json.read(bytes, type));
  }
}
