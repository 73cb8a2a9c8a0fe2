package io.minik8s.apiserver.registry.service.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllocationBitmapTest {

  @Test
  void writesUpstreamsBigEndianBytesWithBitIAsOffsetI() {
    AllocationBitmap bitmap = new AllocationBitmap(20);
    bitmap.allocate(0);
    bitmap.allocate(9);

    // big.Int with bits 0 and 9 set is 0x0201; Bytes() drops leading zeros
    assertThat(bitmap.toBytes()).containsExactly(0x02, 0x01);
    assertThat(new AllocationBitmap(20).toBytes()).isEmpty();
  }

  @Test
  void readsBackWhatItWrote() {
    AllocationBitmap bitmap = new AllocationBitmap(1000);
    for (int offset : new int[] {0, 7, 8, 500, 999}) {
      bitmap.allocate(offset);
    }

    AllocationBitmap restored = AllocationBitmap.fromBytes(1000, bitmap.toBytes());

    assertThat(restored.used()).isEqualTo(5);
    assertThat(restored.has(500)).isTrue();
    assertThat(restored.has(501)).isFalse();
  }

  @Test
  void refusesToTakeAnOffsetTwiceAndFreesIt() {
    AllocationBitmap bitmap = new AllocationBitmap(4);

    assertThat(bitmap.allocate(2)).isTrue();
    assertThat(bitmap.allocate(2)).isFalse();
    assertThat(bitmap.release(2)).isTrue();
    assertThat(bitmap.release(2)).isFalse();
    assertThat(bitmap.allocate(2)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void prefersTheUpperBandAndHandsOutEveryOffsetOnce(long seed) {
    AllocationBitmap bitmap = new AllocationBitmap(64);
    Random random = new Random(seed);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 64; i++) {
      OptionalInt next = bitmap.next(random, 16);
      assertThat(next).isPresent();
      if (i < 48) {
        assertThat(next.getAsInt()).isGreaterThanOrEqualTo(16);
      }
      bitmap.allocate(next.getAsInt());
      seen.add(next.getAsInt());
    }

    assertThat(seen).hasSize(64);
    assertThat(bitmap.next(random, 16)).isEmpty();
  }

  @Test
  void findsTheLastFreeOffsetWhereverTheScanStarts() {
    AllocationBitmap bitmap = new AllocationBitmap(10);
    for (int i = 0; i < 10; i++) {
      if (i != 3) {
        bitmap.allocate(i);
      }
    }

    for (long seed = 0; seed < 20; seed++) {
      assertThat(bitmap.next(new Random(seed), 0)).hasValue(3);
    }
  }
}
