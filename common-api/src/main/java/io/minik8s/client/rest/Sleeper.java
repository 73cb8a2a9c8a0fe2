package io.minik8s.client.rest;

import java.time.Duration;

/** Waits; injected so that tests of rate limits and retries run without real waiting. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper SYSTEM =
      d -> {
        if (!d.isZero() && !d.isNegative()) {
          Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
      };

  /** Returns after the duration (at once for zero or negative), or throws when interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
