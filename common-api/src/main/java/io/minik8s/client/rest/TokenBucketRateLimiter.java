package io.minik8s.client.rest;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket of {@code burst} tokens refilled at {@code qps} per second, starting full (the
 * semantics of client-go's NewTokenBucketRateLimiter over golang.org/x/time/rate). A caller
 * reserves its token under a fair lock, driving the balance negative when the bucket is empty, and
 * then sleeps until that token would have arrived: waits therefore follow arrival order and no
 * caller starves.
 */
public final class TokenBucketRateLimiter implements RateLimiter {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double qps;
  private final int burst;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final ReentrantLock lock = new ReentrantLock(true);
  private double tokens;
  private long last;

  public TokenBucketRateLimiter(double qps, int burst, Ticker ticker, Sleeper sleeper) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException("qps must be positive and burst at least 1");
    }
    this.qps = qps;
    this.burst = burst;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.tokens = burst;
    this.last = ticker.read();
  }

  /** Takes one token and answers how long the caller must wait before using it. */
  public Duration reserve() {
    lock.lock();
    try {
      long now = ticker.read();
      tokens = Math.min(burst, tokens + (now - last) * qps / NANOS_PER_SECOND);
      last = now;
      tokens -= 1;
      if (tokens >= 0) {
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil(-tokens / qps * NANOS_PER_SECOND));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Duration acquire() throws InterruptedException {
    Duration wait = reserve();
    sleeper.sleep(wait);
    return wait;
  }

  public double qps() {
    return qps;
  }

  public int burst() {
    return burst;
  }
}
