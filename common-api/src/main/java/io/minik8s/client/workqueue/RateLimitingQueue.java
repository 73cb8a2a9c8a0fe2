package io.minik8s.client.workqueue;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A {@link DelayingQueue} whose requeues are delayed by a {@link RateLimiter}: the controller's
 * queue. A worker that fails on an item calls {@link #addRateLimited}; one that succeeds calls
 * {@link #forget} so that the item's next failure starts from the base delay again.
 */
public interface RateLimitingQueue<T> extends DelayingQueue<T> {

  /** Adds the item after the delay the rate limiter answers for it. */
  void addRateLimited(T item);

  /** Ends the item's retry history (its backoff starts over); does not remove it from the queue. */
  void forget(T item);

  /** How many times the item was requeued by {@link #addRateLimited} since its last forget. */
  int numRequeues(T item);

  /**
   * A new queue.
   *
   * @param name the queue's name, the label of its metrics
   * @param rateLimiter e.g. {@link RateLimiter#defaultControllerRateLimiter}
   * @param scheduler runs the delayed adds; not owned (shutting the queue down leaves it running)
   * @param metrics where the queue reports depth, adds, latencies and retries
   */
  static <T> RateLimitingQueue<T> create(
      String name,
      RateLimiter<T> rateLimiter,
      Clock clock,
      ScheduledExecutorService scheduler,
      WorkQueueMetricsProvider metrics) {
    WorkQueueMetrics queueMetrics = metrics.forQueue(name);
    return new RateLimitedWorkQueue<>(
        new ScheduledDelayingQueue<>(
            new FifoWorkQueue<>(clock, queueMetrics), clock, scheduler, queueMetrics),
        rateLimiter);
  }
}
