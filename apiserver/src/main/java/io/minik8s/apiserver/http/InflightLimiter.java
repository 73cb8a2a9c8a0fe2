package io.minik8s.apiserver.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Upstream's max-in-flight filter: at most {@code maxReadOnly} non-mutating and {@code
 * maxMutating} mutating requests at once; long-running requests (watches) are exempt. A limit of 0
 * disables it.
 */
public final class InflightLimiter {
  private final int maxReadOnly;
  private final int maxMutating;
  private final AtomicInteger readOnly = new AtomicInteger();
  private final AtomicInteger mutating = new AtomicInteger();

  public InflightLimiter(int maxReadOnly, int maxMutating) {
    this.maxReadOnly = maxReadOnly;
    this.maxMutating = maxMutating;
  }

  /**
   * Takes a slot; returns the release action, or null when the limit is reached (answer 429).
   */
  public Runnable tryAcquire(boolean isMutating) {
    AtomicInteger counter = isMutating ? mutating : readOnly;
    int max = isMutating ? maxMutating : maxReadOnly;
    if (max <= 0) {
      return () -> {};
    }
    if (counter.incrementAndGet() > max) {
      counter.decrementAndGet();
      return null;
    }
    AtomicInteger released = new AtomicInteger();
    return () -> {
      if (released.getAndIncrement() == 0) {
        counter.decrementAndGet();
      }
    };
  }

  public int inflight(boolean isMutating) {
    return (isMutating ? mutating : readOnly).get();
  }
}
