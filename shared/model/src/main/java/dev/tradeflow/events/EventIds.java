package dev.tradeflow.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Event ids derived from what caused the event: the name-based (version 3, MD5) UUID of a seed,
 * exactly as {@link UUID#nameUUIDFromBytes} gives it, but with one MD5 digest kept per thread
 * instead of one looked up from the security providers for every event.
 */
public final class EventIds {

  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(EventIds::md5);

  private EventIds() {}

  /** The id of the event whose cause and position {@code seed} names. */
  public static String derive(String seed) {
    byte[] hash = MD5.get().digest(seed.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30); // version 3
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    return new UUID(longAt(hash, 0), longAt(hash, 8)).toString();
  }

  private static long longAt(byte[] bytes, int from) {
    long value = 0;
    for (int i = from; i < from + 8; i++) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }
}
