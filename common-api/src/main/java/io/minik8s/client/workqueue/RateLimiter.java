package io.minik8s.client.workqueue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Decides how long an item waits before it is retried (client-go's workqueue.RateLimiter).
 * Thread-safe.
 */
public interface RateLimiter<T> {

  /** The delay before the item's next retry; records the retry. */
  Duration when(T item);

  /** Forgets the item's retry history: its next retry is treated as its first. */
  void forget(T item);

  /** The number of retries recorded for the item since it was last forgotten. */
  int numRequeues(T item);

  /**
   * client-go's DefaultControllerRateLimiter: the larger of a per-item exponential backoff (5 ms
   * doubling up to 1000 s) and an overall token bucket (10 qps, burst 100).
   */
  static <T> RateLimiter<T> defaultControllerRateLimiter(Clock clock) {
    return new MaxOfRateLimiter<>(
        List.of(
            new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
            new BucketRateLimiter<>(10, 100, clock)));
  }
}
