package dev.tradeflow.binding;

import dev.tradeflow.events.Json;
import dev.tradeflow.state.ValueCodec;

/** Store values as tradeflow's canonical JSON. */
public record JsonValueCodec<V>(Class<V> type) implements ValueCodec<V> {

  @Override
  public byte[] encode(V value) {
    return Json.write(value);
  }

  @Override
  public V decode(byte[] bytes) {
    return Json.read(bytes, type);
  }
}
