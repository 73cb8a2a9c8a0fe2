package io.minik8s.client.workqueue;

/**
 * Creates the metrics of each named queue; the component runtime implements it over its metrics
 * registry (one series per queue name).
 */
@FunctionalInterface
public interface WorkQueueMetricsProvider {

  /** A provider whose queues record nothing. */
  WorkQueueMetricsProvider NOOP = name -> WorkQueueMetrics.NOOP;

  WorkQueueMetrics forQueue(String name);
}
