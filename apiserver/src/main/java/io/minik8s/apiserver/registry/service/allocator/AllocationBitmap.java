package io.minik8s.apiserver.registry.service.allocator;

import java.util.BitSet;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Which offsets of a range are taken, one bit per offset, as upstream's AllocationBitmap. Its bytes
 * are a big-endian unsigned integer whose bit i is offset i (Go's big.Int.Bytes()), so a
 * RangeAllocation written by either implementation reads the same. Not thread-safe: each update
 * works on its own {@link #copy()}.
 */
final class AllocationBitmap {
  private final int size;
  private final BitSet bits;

  AllocationBitmap(int size) {
    this(size, new BitSet(size));
  }

  private AllocationBitmap(int size, BitSet bits) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    this.size = size;
    this.bits = bits;
  }

  /** Reads upstream's snapshot bytes; bits beyond the range are dropped. */
  static AllocationBitmap fromBytes(int size, byte[] bigEndian) {
    byte[] littleEndian = new byte[bigEndian.length];
    for (int i = 0; i < bigEndian.length; i++) {
      littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
    }
    BitSet bits = BitSet.valueOf(littleEndian);
    if (bits.length() > size) {
      bits.clear(size, bits.length());
    }
    return new AllocationBitmap(size, bits);
  }

  /** Upstream's snapshot bytes: big-endian, no leading zero bytes, empty when nothing is taken. */
  byte[] toBytes() {
    byte[] littleEndian = bits.toByteArray();
    byte[] bigEndian = new byte[littleEndian.length];
    for (int i = 0; i < littleEndian.length; i++) {
      bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
    }
    return bigEndian;
  }

  AllocationBitmap copy() {
    return new AllocationBitmap(size, (BitSet) bits.clone());
  }

  int size() {
    return size;
  }

  int used() {
    return bits.cardinality();
  }

  boolean has(int offset) {
    return bits.get(offset);
  }

  /** Takes the offset; false if it was taken already. */
  boolean allocate(int offset) {
    checkOffset(offset);
    if (bits.get(offset)) {
      return false;
    }
    bits.set(offset);
    return true;
  }

  /** Frees the offset; false if it was free. */
  boolean release(int offset) {
    checkOffset(offset);
    if (!bits.get(offset)) {
      return false;
    }
    bits.clear(offset);
    return true;
  }

  /**
   * Finds a free offset as upstream's random scan with offset does: a random start in the upper
   * band [{@code reserved}, size), scanning forward and wrapping within it; only when that band is
   * full, the same in the lower band [0, {@code reserved}), which static allocations prefer.
   */
  OptionalInt next(RandomGenerator random, int reserved) {
    if (used() >= size) {
      return OptionalInt.empty();
    }
    int lower = Math.max(0, Math.min(reserved, size));
    OptionalInt upper = scan(random, lower, size);
    return upper.isPresent() ? upper : scan(random, 0, lower);
  }

  private OptionalInt scan(RandomGenerator random, int from, int to) {
    int span = to - from;
    if (span <= 0) {
      return OptionalInt.empty();
    }
    int start = random.nextInt(span);
    int candidate = bits.nextClearBit(from + start);
    if (candidate < to) {
      return OptionalInt.of(candidate);
    }
    candidate = bits.nextClearBit(from);
    return candidate < from + start ? OptionalInt.of(candidate) : OptionalInt.empty();
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset >= size) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside [0, " + size + ")");
    }
  }
}
