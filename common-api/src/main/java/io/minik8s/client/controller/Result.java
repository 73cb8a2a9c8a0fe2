package io.minik8s.client.controller;

import java.time.Duration;

/**
 * What a {@link Reconciler} asks of the runner once a key is reconciled without error.
 *
 * @param requeueWithBackoff whether to reconcile the key again after its rate-limited backoff
 * @param requeueAfter when set, reconcile the key again after exactly this long (its backoff is
 *     reset); takes precedence over {@code requeueWithBackoff}
 */
public record Result(boolean requeueWithBackoff, Duration requeueAfter) {
  private static final Result DONE = new Result(false, null);
  private static final Result REQUEUE = new Result(true, null);

  public Result {
    if (requeueAfter != null && (requeueAfter.isNegative() || requeueAfter.isZero())) {
      throw new IllegalArgumentException("requeueAfter must be positive, got " + requeueAfter);
    }
  }

  /** The key is in sync: forget its retry history, reconcile it again only when it changes. */
  public static Result done() {
    return DONE;
  }

  /** Reconcile the key again after its rate-limited backoff (as if it had failed, quietly). */
  public static Result requeue() {
    return REQUEUE;
  }

  /** Reconcile the key again after {@code delay}, e.g. when a grace period ends. */
  public static Result requeueAfter(Duration delay) {
    return new Result(false, delay);
  }
}
