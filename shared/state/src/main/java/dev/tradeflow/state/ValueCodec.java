package dev.tradeflow.state;

import java.util.function.Function;

/** Turns a store value into the bytes of a Kafka record value and back. */
public interface ValueCodec<V> {

  byte[] encode(V value);

  /** Throws on bytes it cannot read; the store then skips the record and counts it. */
  V decode(byte[] bytes);

  static <V> ValueCodec<V> of(Function<V, byte[]> encode, Function<byte[], V> decode) {
    return new ValueCodec<>() {
      @Override
      public byte[] encode(V value) {
        return encode.apply(value);
      }

      @Override
      public V decode(byte[] bytes) {
        return decode.apply(bytes);
      }
    };
  }
}
