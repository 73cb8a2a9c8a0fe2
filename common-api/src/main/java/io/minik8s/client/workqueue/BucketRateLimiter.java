package io.minik8s.client.workqueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An overall token bucket shared by all items (client-go's BucketRateLimiter over
 * golang.org/x/time/rate): the bucket starts full with {@code burst} tokens and refills at {@code
 * qps}; every {@link #when} takes a token, and when none is left it reserves a future one and
 * answers the wait until then. Items have no history of their own.
 */
public final class BucketRateLimiter<T> implements RateLimiter<T> {
  private final double qps;
  private final int burst;
  private final Clock clock;
  private double tokens;
  private Instant last;

  public BucketRateLimiter(double qps, int burst, Clock clock) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException("need qps > 0 and burst >= 1, got " + qps + ", " + burst);
    }
    this.qps = qps;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock.instant();
  }

  @Override
  public synchronized Duration when(T item) {
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      double elapsedSeconds = Duration.between(last, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + elapsedSeconds * qps);
      last = now;
    }
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-tokens / qps * 1e9));
  }

  @Override
  public void forget(T item) {}

  @Override
  public int numRequeues(T item) {
    return 0;
  }
}
