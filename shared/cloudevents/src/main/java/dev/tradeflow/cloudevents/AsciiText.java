package dev.tradeflow.cloudevents;

import java.nio.charset.StandardCharsets;

/** US-ASCII bytes read as text in place, without a String copied from them first. */
final class AsciiText implements CharSequence {

  private final byte[] bytes;

  private AsciiText(byte[] bytes) {
    this.bytes = bytes;
  }

  /** {@code value} as text: in place when it is all US-ASCII, else decoded as UTF-8. */
  static CharSequence of(byte[] value) {
    for (byte b : value) {
      if (b < 0) {
        return new String(value, StandardCharsets.UTF_8);
      }
    }
    return new AsciiText(value);
  }

  @Override
  public int length() {
    return bytes.length;
  }

  @Override
  public char charAt(int index) {
    return (char) bytes[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
