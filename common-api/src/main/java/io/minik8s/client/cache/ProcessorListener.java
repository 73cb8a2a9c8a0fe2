package io.minik8s.client.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications to one handler, in order and one at a time (client-go's
 * processorListener). {@link #add} never blocks and never drops: notifications wait in a buffer
 * that starts small and grows as needed, as client-go's growing ring does, so a slow handler delays
 * only itself and never the informer or the other handlers. Deliveries run as one draining task at
 * a time on the shared executor.
 */
final class ProcessorListener<T> implements ResourceEventHandlerRegistration {
  private static final Logger log = LoggerFactory.getLogger(ProcessorListener.class);
  private static final int INITIAL_BUFFER = 1024;

  private final ResourceEventHandler<? super T> handler;
  private final Duration resyncPeriod;
  private final Executor executor;
  private final Clock clock;
  private final Consumer<Duration> lagSink;
  private final ArrayDeque<Pending<T>> pending = new ArrayDeque<>(INITIAL_BUFFER);
  private boolean draining;
  private boolean stopped;
  private volatile boolean synced;
  // guarded by the informer's lock, like client-go's nextResync
  private Instant nextResync;

  /**
   * @param resyncPeriod zero for no resyncs
   * @param lagSink told, per notification, the time from being queued to reaching the handler
   */
  ProcessorListener(
      ResourceEventHandler<? super T> handler,
      Duration resyncPeriod,
      Executor executor,
      Clock clock,
      Consumer<Duration> lagSink) {
    this.handler = handler;
    this.resyncPeriod = resyncPeriod;
    this.executor = executor;
    this.clock = clock;
    this.lagSink = lagSink;
    this.nextResync = clock.instant().plus(resyncPeriod);
  }

  ResourceEventHandler<? super T> handler() {
    return handler;
  }

  Duration resyncPeriod() {
    return resyncPeriod;
  }

  boolean wantsResync() {
    return !resyncPeriod.isZero();
  }

  /** Whether a resync is due at {@code now}; if so, schedules the next one. */
  boolean dueForResync(Instant now) {
    if (!wantsResync() || now.isBefore(nextResync)) {
      return false;
    }
    nextResync = now.plus(resyncPeriod);
    return true;
  }

  @Override
  public boolean hasSynced() {
    return synced;
  }

  /** Notifications waiting for the handler. */
  synchronized int pendingCount() {
    return pending.size();
  }

  void add(Notification<T> notification) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      pending.addLast(new Pending<>(notification, clock.instant()));
      if (draining) {
        return;
      }
      draining = true;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      log.warn("cannot deliver to handler {}: executor rejected the task", handler);
      synchronized (this) {
        draining = false;
      }
    }
  }

  /** No more deliveries; what is still pending is dropped. */
  synchronized void stop() {
    stopped = true;
    pending.clear();
  }

  private void drain() {
    while (true) {
      Pending<T> next;
      synchronized (this) {
        next = stopped ? null : pending.pollFirst();
        if (next == null) {
          draining = false;
          return;
        }
      }
      deliver(next);
    }
  }

  private void deliver(Pending<T> p) {
    Notification<T> n = p.notification();
    if (n instanceof Notification.Synced<T>) {
      synced = true;
      return;
    }
    lagSink.accept(Duration.between(p.queuedAt(), clock.instant()));
    try {
      if (n instanceof Notification.Add<T> add) {
        handler.onAdd(add.obj(), add.isInInitialList());
      } else if (n instanceof Notification.Update<T> update) {
        handler.onUpdate(update.oldObj(), update.newObj());
      } else if (n instanceof Notification.Delete<T> delete) {
        handler.onDelete(delete.obj(), delete.deletedFinalStateUnknown());
      }
    } catch (RuntimeException e) {
      // one failing call must not stop the handler's later notifications
      log.error("event handler {} failed", handler, e);
    }
  }

  private record Pending<T>(Notification<T> notification, Instant queuedAt) {}
}
