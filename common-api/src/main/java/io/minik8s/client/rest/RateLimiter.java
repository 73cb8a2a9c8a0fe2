package io.minik8s.client.rest;

import java.time.Duration;

/**
 * Client-side throttling of requests (client-go's flowcontrol.RateLimiter). Thread-safe; callers
 * are served in the order they asked.
 */
public interface RateLimiter {

  /** Never waits. */
  RateLimiter UNLIMITED = () -> Duration.ZERO;

  /**
   * Blocks until the caller may send one request.
   *
   * @return how long it waited
   * @throws InterruptedException if interrupted while waiting (the permit is then lost)
   */
  Duration acquire() throws InterruptedException;
}
