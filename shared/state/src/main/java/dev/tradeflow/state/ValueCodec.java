package dev.tradeflow.state;

/** Turns a store value into the bytes of a Kafka record value and back. */
public interface ValueCodec<V> {

  byte[] encode(V value);

  /** Throws on bytes it cannot read; the store then skips the record and counts it. */
  V decode(byte[] bytes);
}
