package io.minik8s.client.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Delays that start at {@code initial}, grow by {@code factor} up to {@code max}, each plus a
 * random jitter of up to {@code jitter} times itself, and start over once no backoff was asked for
 * during {@code resetAfter} (client-go's exponential backoff manager).
 */
public final class ExponentialBackoffManager implements BackoffManager {
  private final Duration initial;
  private final Duration max;
  private final Duration resetAfter;
  private final double factor;
  private final double jitter;
  private final Clock clock;
  private final DoubleSupplier random;
  private Duration current;
  private Instant lastBackoff;

  /**
   * @param random values in [0, 1) for the jitter
   */
  public ExponentialBackoffManager(
      Duration initial,
      Duration max,
      Duration resetAfter,
      double factor,
      double jitter,
      Clock clock,
      DoubleSupplier random) {
    if (initial.isNegative() || max.compareTo(initial) < 0 || factor < 1 || jitter < 0) {
      throw new IllegalArgumentException("invalid backoff parameters");
    }
    this.initial = initial;
    this.max = max;
    this.resetAfter = resetAfter;
    this.factor = factor;
    this.jitter = jitter;
    this.clock = clock;
    this.random = random;
    this.current = initial;
  }

  /** The reflector's backoff as client-go configures it: 800 ms doubling to 30 s, reset 2 min. */
  public static ExponentialBackoffManager reflectorDefault(Clock clock) {
    return new ExponentialBackoffManager(
        Duration.ofMillis(800),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        2.0,
        1.0,
        clock,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  @Override
  public synchronized Duration next() {
    Instant now = clock.instant();
    if (lastBackoff == null || Duration.between(lastBackoff, now).compareTo(resetAfter) > 0) {
      current = initial;
    }
    lastBackoff = now;
    Duration delay = current;
    long grown = (long) (current.toNanos() * factor);
    current = grown > max.toNanos() ? max : Duration.ofNanos(grown);
    return delay.plusNanos((long) (delay.toNanos() * jitter * random.getAsDouble()));
  }
}
