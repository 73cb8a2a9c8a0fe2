package io.minik8s.client.workqueue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-item exponential backoff: {@code base * 2^failures}, capped at {@code max}; each item's
 * failure count grows with every {@link #when} until {@link #forget}.
 */
public final class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Map<T, Integer> failures = new HashMap<>();

  public ItemExponentialFailureRateLimiter(Duration baseDelay, Duration maxDelay) {
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
    }
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
  }

  @Override
  public synchronized Duration when(T item) {
    int exp = failures.getOrDefault(item, 0);
    // saturate rather than overflow after many failures
    failures.put(item, exp == Integer.MAX_VALUE ? exp : exp + 1);
    double nanos = baseDelay.toNanos() * Math.pow(2, exp);
    if (nanos >= maxDelay.toNanos()) {
      return maxDelay;
    }
    return Duration.ofNanos((long) nanos);
  }

  @Override
  public synchronized void forget(T item) {
    failures.remove(item);
  }

  @Override
  public synchronized int numRequeues(T item) {
    return failures.getOrDefault(item, 0);
  }
}
