package io.minik8s.client.workqueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The basic {@link WorkQueue} (client-go's {@code workqueue.Type}): a FIFO plus a dirty set (items
 * that need processing) and a processing set (items handed out and not yet done). An item is in the
 * FIFO only if it is dirty and not being processed, which gives the exclusivity guarantee.
 */
public final class FifoWorkQueue<T> implements WorkQueue<T> {
  private final Clock clock;
  private final WorkQueueMetrics metrics;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition drained = lock.newCondition();
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final Set<T> dirty = new HashSet<>();
  private final Set<T> processing = new HashSet<>();
  private final Map<T, Instant> addedAt = new HashMap<>();
  private final Map<T, Instant> startedAt = new HashMap<>();
  private boolean shuttingDown;

  public FifoWorkQueue(Clock clock, WorkQueueMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void add(T item) {
    lock.lock();
    try {
      if (shuttingDown || !dirty.add(item)) {
        return;
      }
      metrics.added();
      metrics.depth(dirty.size());
      addedAt.putIfAbsent(item, clock.instant());
      // a key being processed is queued again only when its worker calls done()
      if (processing.contains(item)) {
        return;
      }
      queue.addLast(item);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<T> get() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (queue.isEmpty() && !shuttingDown) {
        notEmpty.await();
      }
      if (queue.isEmpty()) {
        return Optional.empty();
      }
      T item = queue.removeFirst();
      Instant now = clock.instant();
      processing.add(item);
      dirty.remove(item);
      metrics.depth(dirty.size());
      Instant added = addedAt.remove(item);
      if (added != null) {
        metrics.queueLatency(Duration.between(added, now));
      }
      startedAt.put(item, now);
      return Optional.of(item);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void done(T item) {
    lock.lock();
    try {
      Instant started = startedAt.remove(item);
      if (started != null) {
        metrics.workDuration(Duration.between(started, clock.instant()));
      }
      processing.remove(item);
      if (dirty.contains(item)) {
        queue.addLast(item);
        notEmpty.signal();
      } else if (processing.isEmpty()) {
        drained.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void shutDown() {
    lock.lock();
    try {
      shuttingDown = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean shutDownWithDrain(Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      shuttingDown = true;
      notEmpty.signalAll();
      while (!processing.isEmpty()) {
        if (remaining <= 0) {
          return false;
        }
        remaining = drained.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isShuttingDown() {
    lock.lock();
    try {
      return shuttingDown;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int len() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }
}
