package io.minik8s.client.workqueue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Workqueue metrics that remember what they were told; for tests. */
public final class RecordingMetrics implements WorkQueueMetrics {
  public volatile int depth;
  public volatile int adds;
  public volatile int retries;
  public final List<Duration> latencies = new CopyOnWriteArrayList<>();
  public final List<Duration> workDurations = new CopyOnWriteArrayList<>();

  @Override
  public void depth(int depth) {
    this.depth = depth;
  }

  @Override
  public synchronized void added() {
    adds++;
  }

  @Override
  public void queueLatency(Duration waited) {
    latencies.add(waited);
  }

  @Override
  public void workDuration(Duration worked) {
    workDurations.add(worked);
  }

  @Override
  public synchronized void retried() {
    retries++;
  }
}
