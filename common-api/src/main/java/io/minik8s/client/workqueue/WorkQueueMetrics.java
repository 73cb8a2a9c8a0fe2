package io.minik8s.client.workqueue;

import java.time.Duration;

/**
 * The measurements of one named queue, as client-go's workqueue metrics (workqueue_depth,
 * workqueue_adds_total, workqueue_queue_duration_seconds, workqueue_work_duration_seconds,
 * workqueue_retries_total). Called while the queue holds its lock: implementations must be quick
 * and must not call back into the queue.
 */
public interface WorkQueueMetrics {

  /** Does nothing. */
  WorkQueueMetrics NOOP = new WorkQueueMetrics() {};

  /** The number of items waiting to be processed changed to {@code depth}. */
  default void depth(int depth) {}

  /** An item was added that was not already waiting. */
  default void added() {}

  /** An item was handed to a worker after waiting this long since it was added. */
  default void queueLatency(Duration waited) {}

  /** A worker finished an item after this long. */
  default void workDuration(Duration worked) {}

  /** An item was re-added with a delay (a retry). */
  default void retried() {}
}
