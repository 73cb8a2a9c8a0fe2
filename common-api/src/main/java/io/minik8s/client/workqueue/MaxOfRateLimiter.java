package io.minik8s.client.workqueue;

import java.time.Duration;
import java.util.List;

/**
 * Combines rate limiters: an item waits for the longest delay any of them answers, and every one of
 * them records each retry.
 */
public final class MaxOfRateLimiter<T> implements RateLimiter<T> {
  private final List<RateLimiter<T>> limiters;

  public MaxOfRateLimiter(List<RateLimiter<T>> limiters) {
    if (limiters.isEmpty()) {
      throw new IllegalArgumentException("need at least one rate limiter");
    }
    this.limiters = List.copyOf(limiters);
  }

  @Override
  public Duration when(T item) {
    Duration longest = Duration.ZERO;
    // every limiter must see the retry, so no short-circuit
    for (RateLimiter<T> limiter : limiters) {
      Duration d = limiter.when(item);
      if (d.compareTo(longest) > 0) {
        longest = d;
      }
    }
    return longest;
  }

  @Override
  public void forget(T item) {
    limiters.forEach(l -> l.forget(item));
  }

  @Override
  public int numRequeues(T item) {
    int most = 0;
    for (RateLimiter<T> limiter : limiters) {
      most = Math.max(most, limiter.numRequeues(item));
    }
    return most;
  }
}
