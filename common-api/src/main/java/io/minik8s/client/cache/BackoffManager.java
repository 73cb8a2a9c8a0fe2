package io.minik8s.client.cache;

import java.time.Duration;

/**
 * How long to wait before the next attempt after a failure (client-go's wait.BackoffManager).
 * Implementations are thread-safe and remember past calls, so delays grow while failures repeat.
 */
public interface BackoffManager {

  /** The delay before the next attempt. */
  Duration next();
}
