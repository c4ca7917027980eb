package dev.tradeflow.parse.fix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values a FIX field takes. Codes of up to seven bytes (nearly all) are packed into longs and
 * found by binary search, with no allocation; longer ones are compared byte by byte.
 */
final class FixEnum {

  private final long[] packed;
  private final byte[][] longer;

  FixEnum(List<String> values) {
    List<Long> small = new ArrayList<>();
    List<byte[]> large = new ArrayList<>();
    for (String value : values) {
      byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
      if (bytes.length <= 7) {
        small.add(pack(bytes, 0, bytes.length));
      } else {
        large.add(bytes);
      }
    }
    packed = small.stream().mapToLong(Long::longValue).sorted().toArray();
    longer = large.toArray(byte[][]::new);
  }

  boolean contains(byte[] in, int from, int to) {
    if (to - from <= 7) {
      return Arrays.binarySearch(packed, pack(in, from, to)) >= 0;
    }
    for (byte[] value : longer) {
      if (Arrays.equals(value, 0, value.length, in, from, to)) {
        return true;
      }
    }
    return false;
  }

  /** Length in the top byte, then the bytes: distinct for distinct codes of up to seven bytes. */
  private static long pack(byte[] in, int from, int to) {
    long value = to - from;
    for (int i = from; i < to; i++) {
      value = (value << 8) | (in[i] & 0xFF);
    }
    return value;
  }
}
