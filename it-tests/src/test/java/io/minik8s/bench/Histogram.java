package io.minik8s.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in 0.1 ms buckets up to one minute (longer ones count in the last bucket); safe to
 * record from many threads, and of fixed size however many samples arrive.
 */
final class Histogram {
  private static final long BUCKET_NANOS = 100_000;
  private static final int BUCKETS = 600_000;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);

  void record(long nanos) {
    int bucket = (int) Math.min(BUCKETS, Math.max(0, nanos) / BUCKET_NANOS);
    counts.incrementAndGet(bucket);
  }

  long count() {
    long total = 0;
    for (int i = 0; i <= BUCKETS; i++) {
      total += counts.get(i);
    }
    return total;
  }

  /** The latency at or below which {@code fraction} of the samples are, in milliseconds. */
  double percentileMillis(double fraction) {
    long total = count();
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(fraction * total);
    long seen = 0;
    for (int i = 0; i <= BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return (i + 1) * BUCKET_NANOS / 1e6;
      }
    }
    return BUCKETS * BUCKET_NANOS / 1e6;
  }
}
