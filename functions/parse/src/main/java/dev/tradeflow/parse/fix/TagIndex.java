package dev.tradeflow.parse.fix;

import java.util.Arrays;

/** Tag number to position, without boxing: open addressing over a power-of-two table. */
final class TagIndex {

  private final int[] keys;
  private final int[] values;
  private final int mask;

  TagIndex(int[] tags) {
    int capacity = Integer.highestOneBit(Math.max(4, tags.length * 3)) << 1;
    keys = new int[capacity];
    values = new int[capacity];
    mask = capacity - 1;
    Arrays.fill(keys, -1);
    for (int i = 0; i < tags.length; i++) {
      int slot = tags[i] & mask;
      while (keys[slot] != -1 && keys[slot] != tags[i]) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] == -1) {
        keys[slot] = tags[i];
        values[slot] = i;
      }
    }
  }

  /** The position of {@code tag}, or -1. */
  int indexOf(int tag) {
    int slot = tag & mask;
    while (true) {
      int key = keys[slot];
      if (key == tag) {
        return values[slot];
      }
      if (key == -1) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }
}
