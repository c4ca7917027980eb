package dev.tradeflow.binding;

import dev.tradeflow.events.Json;
import dev.tradeflow.events.StoredTradeJson;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.state.ValueCodec;

/**
 * Store values as tradeflow's canonical JSON; stored trades, the largest state, read by a streaming
 * reader.
 */
public record JsonValueCodec<V>(Class<V> type) implements ValueCodec<V> {

  @Override
  public byte[] encode(V value) {
    return Json.write(value);
  }

  @Override
  public V decode(byte[] bytes) {
    if (type == StoredTrade.class) {
      return type.cast(StoredTradeJson.read(bytes));
    }
    return Json.read(bytes, type);
  }
}
