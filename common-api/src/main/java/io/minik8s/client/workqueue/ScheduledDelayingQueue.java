package io.minik8s.client.workqueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DelayingQueue} over another queue: waiting items sit in a heap ordered by the instant
 * they become ready (read from the injected clock), and one task on the injected scheduler is armed
 * for the earliest of them, as client-go's single waiting loop is.
 */
public final class ScheduledDelayingQueue<T> implements DelayingQueue<T> {
  private final WorkQueue<T> queue;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final WorkQueueMetrics metrics;
  private final PriorityQueue<Waiting<T>> waiting =
      new PriorityQueue<>(
          Comparator.<Waiting<T>, Instant>comparing(Waiting::readyAt)
              .thenComparingLong(Waiting::sequence));
  // the live entry of each waiting item; heap entries not in here were superseded
  private final Map<T, Waiting<T>> current = new HashMap<>();
  private long sequence;
  private ScheduledFuture<?> wakeup;
  private Instant wakeupAt;
  private boolean stopped;

  public ScheduledDelayingQueue(
      WorkQueue<T> queue,
      Clock clock,
      ScheduledExecutorService scheduler,
      WorkQueueMetrics metrics) {
    this.queue = queue;
    this.clock = clock;
    this.scheduler = scheduler;
    this.metrics = metrics;
  }

  @Override
  public void addAfter(T item, Duration delay) {
    if (queue.isShuttingDown()) {
      return;
    }
    metrics.retried();
    if (delay.isZero() || delay.isNegative()) {
      queue.add(item);
      return;
    }
    synchronized (this) {
      if (stopped) {
        return;
      }
      Instant readyAt = clock.instant().plus(delay);
      Waiting<T> existing = current.get(item);
      if (existing != null && !readyAt.isBefore(existing.readyAt())) {
        return;
      }
      Waiting<T> entry = new Waiting<>(item, readyAt, sequence++);
      current.put(item, entry);
      waiting.add(entry);
      arm();
    }
  }

  /** The number of items waiting for their delay to pass. */
  public synchronized int waitingCount() {
    return current.size();
  }

  private void fire() {
    List<T> ready = new ArrayList<>();
    synchronized (this) {
      wakeup = null;
      wakeupAt = null;
      if (stopped) {
        return;
      }
      Instant now = clock.instant();
      while (!waiting.isEmpty() && !waiting.peek().readyAt().isAfter(now)) {
        Waiting<T> entry = waiting.poll();
        if (current.remove(entry.item(), entry)) {
          ready.add(entry.item());
        }
      }
      arm();
    }
    // outside our lock: the underlying queue takes its own
    ready.forEach(queue::add);
  }

  /** Makes sure one wake-up is scheduled no later than the earliest live waiting entry. */
  private void arm() {
    while (!waiting.isEmpty() && current.get(waiting.peek().item()) != waiting.peek()) {
      waiting.poll();
    }
    if (waiting.isEmpty()) {
      return;
    }
    Instant head = waiting.peek().readyAt();
    if (wakeup != null && !wakeupAt.isAfter(head)) {
      return;
    }
    if (wakeup != null) {
      wakeup.cancel(false);
    }
    long delayNanos = Math.max(0, Duration.between(clock.instant(), head).toNanos());
    wakeupAt = head;
    wakeup = scheduler.schedule(this::fire, delayNanos, TimeUnit.NANOSECONDS);
  }

  private synchronized void stop() {
    stopped = true;
    if (wakeup != null) {
      wakeup.cancel(false);
      wakeup = null;
    }
    waiting.clear();
    current.clear();
  }

  @Override
  public void add(T item) {
    queue.add(item);
  }

  @Override
  public Optional<T> get() throws InterruptedException {
    return queue.get();
  }

  @Override
  public void done(T item) {
    queue.done(item);
  }

  @Override
  public void shutDown() {
    stop();
    queue.shutDown();
  }

  @Override
  public boolean shutDownWithDrain(Duration timeout) throws InterruptedException {
    stop();
    return queue.shutDownWithDrain(timeout);
  }

  @Override
  public boolean isShuttingDown() {
    return queue.isShuttingDown();
  }

  @Override
  public int len() {
    return queue.len();
  }

  private record Waiting<T>(T item, Instant readyAt, long sequence) {}
}
