package io.minik8s.client.workqueue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler driven by a {@link ManualClock}: tasks run on the test's thread, only when the test
 * advances time past their due instant. For deterministic tests of timed code, without sleeps.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final ManualClock clock;
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(Comparator.comparing(Task::due).thenComparingLong(Task::seq));
  private long seq;
  private boolean shutdown;

  public ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  public ManualClock clock() {
    return clock;
  }

  /** Moves time forward by {@code d}, running each task at its due instant, in order. */
  public void advance(Duration d) {
    Instant target = clock.instant().plus(d);
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due().isAfter(target)) {
          break;
        }
        tasks.poll();
      }
      if (next.due().isAfter(clock.instant())) {
        clock.set(next.due());
      }
      next.run();
    }
    clock.set(target);
  }

  /** Runs the tasks due now (including those they schedule for now). */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** The number of scheduled tasks that are neither run nor cancelled. */
  public synchronized int pending() {
    return (int) tasks.stream().filter(t -> !t.isCancelled()).count();
  }

  /** The delays from now of the pending tasks, earliest first. */
  public synchronized List<Duration> pendingDelays() {
    List<Duration> delays = new ArrayList<>();
    tasks.stream()
        .filter(t -> !t.isCancelled())
        .sorted(tasks.comparator())
        .forEach(t -> delays.add(Duration.between(clock.instant(), t.due())));
    return delays;
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    Task task = new Task(command, clock.instant().plusNanos(unit.toNanos(delay)), seq++);
    tasks.add(task);
    return task;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(tasks);
    tasks.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && tasks.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Task implements ScheduledFuture<Object>, Runnable {
    private final Runnable command;
    private final Instant due;
    private final long seq;
    private volatile boolean cancelled;
    private volatile boolean done;

    Task(Runnable command, Instant due, long seq) {
      this.command = command;
      this.due = due;
      this.seq = seq;
    }

    Instant due() {
      return due;
    }

    long seq() {
      return seq;
    }

    @Override
    public void run() {
      if (!cancelled) {
        done = true;
        command.run();
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done) {
        return false;
      }
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
