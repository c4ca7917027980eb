package dev.tradeflow.cloudevents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Attribute values that recur on nearly every record (the spec version, tradeflow's event types and
 * sources, its content type), each kept as a String beside its UTF-8 bytes: a header carrying one
 * is read back without a new String, and one written is not encoded again. Any other value is
 * decoded or encoded as usual.
 */
final class KnownTexts {

  private final String[] texts;
  private final byte[][] bytes;

  KnownTexts(List<String> known) {
    texts = known.toArray(String[]::new);
    bytes = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      bytes[i] = texts[i].getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The text of {@code value}, null for null. */
  String decode(byte[] value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (Arrays.equals(bytes[i], value)) {
        return texts[i];
      }
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  /**
   * The UTF-8 bytes of {@code text}, null for null. A known text's bytes are shared by every record
   * that carries it: Kafka only reads a header's value.
   */
  byte[] encode(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < texts.length; i++) {
      if (texts[i].equals(text)) {
        return bytes[i];
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
