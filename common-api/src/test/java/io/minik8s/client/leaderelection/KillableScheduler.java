package io.minik8s.client.leaderelection;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One process' view of a shared scheduler: {@link #kill} makes everything it scheduled (and will
 * schedule) never run, as if the process died. For tests.
 */
final class KillableScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final ScheduledExecutorService delegate;
  private volatile boolean killed;

  KillableScheduler(ScheduledExecutorService delegate) {
    this.delegate = delegate;
  }

  void kill() {
    killed = true;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return delegate.schedule(
        () -> {
          if (!killed) {
            command.run();
          }
        },
        delay,
        unit);
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
  public void shutdown() {
    kill();
  }

  @Override
  public List<Runnable> shutdownNow() {
    kill();
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return killed;
  }

  @Override
  public boolean isTerminated() {
    return killed;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return killed;
  }
}
