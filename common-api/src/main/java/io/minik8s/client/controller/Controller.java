package io.minik8s.client.controller;

import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.ResourceEventHandlerRegistration;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.workqueue.RateLimitingQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Reconciler} (sample-controller's loop): handlers on the watched informers enqueue
 * keys into a rate-limited workqueue; once every handler has seen its informer's initial list, N
 * worker threads take keys and reconcile them. A reconcile that throws is retried after the key's
 * backoff (5 ms doubling to 1000 s, and 10 qps overall); one that succeeds forgets the key's
 * failures. The workqueue guarantees that a key is never reconciled by two workers at once and that
 * a key changed while it is reconciled is reconciled again.
 *
 * <p>A controller starts once and stops once; it does not own the informers it watches. Build one
 * with {@link #builder}.
 */
public final class Controller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
  private static final long SYNC_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final String name;
  private final Reconciler reconciler;
  private final List<Source<?>> sources;
  private final int workers;
  private final RateLimitingQueue<ObjectKey> queue;
  private final ThreadFactory threadFactory;
  private final Duration shutdownTimeout;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopSignal = lock.newCondition();
  private final List<ResourceEventHandlerRegistration> registrations = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private boolean started;
  private volatile boolean stopped;
  private volatile boolean running;

  Controller(
      String name,
      Reconciler reconciler,
      List<Source<?>> sources,
      int workers,
      RateLimitingQueue<ObjectKey> queue,
      ThreadFactory threadFactory,
      Duration shutdownTimeout) {
    this.name = name;
    this.reconciler = reconciler;
    this.sources = List.copyOf(sources);
    this.workers = workers;
    this.queue = queue;
    this.threadFactory = threadFactory;
    this.shutdownTimeout = shutdownTimeout;
  }

  /** A builder of a controller named {@code name} (its workqueue's metrics name). */
  public static ControllerBuilder builder(String name, Reconciler reconciler) {
    return new ControllerBuilder(name, reconciler);
  }

  public String name() {
    return name;
  }

  /**
   * Adds the handlers to the informers and, on a thread of its own, waits until they have seen the
   * informers' initial lists, then starts the workers. Returns at once.
   *
   * @throws IllegalStateException if already started
   */
  public void start() {
    lock.lock();
    try {
      if (started) {
        throw new IllegalStateException("controller " + name + " was already started");
      }
      started = true;
      for (Source<?> source : sources) {
        registrations.add(source.register(queue));
      }
      Thread runner = threadFactory.newThread(this::awaitSyncThenRunWorkers);
      threads.add(runner);
      runner.start();
    } finally {
      lock.unlock();
    }
  }

  /** Whether every handler has seen its informer's initial list. */
  public boolean hasSynced() {
    lock.lock();
    try {
      return started
          && registrations.stream().allMatch(ResourceEventHandlerRegistration::hasSynced);
    } finally {
      lock.unlock();
    }
  }

  /** Whether the workers are running (synced, and not stopped). */
  public boolean isRunning() {
    return running;
  }

  /** Enqueues a key by hand, e.g. the fixed key of a periodic controller. */
  public void enqueue(ObjectKey key) {
    queue.add(key);
  }

  /** Enqueues a key after a delay. */
  public void enqueueAfter(ObjectKey key, Duration delay) {
    queue.addAfter(key, delay);
  }

  /** The number of keys waiting for a worker. */
  public int queueLength() {
    return queue.len();
  }

  /**
   * Stops: removes the handlers, lets the reconciles in progress finish (up to the shutdown
   * timeout) and ends the workers. Keys still queued are dropped. Idempotent.
   */
  public void stop() {
    List<Thread> toJoin;
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      stopped = true;
      running = false;
      stopSignal.signalAll();
      for (int i = 0; i < registrations.size(); i++) {
        sources.get(i).unregister(registrations.get(i));
      }
      toJoin = new ArrayList<>(threads);
    } finally {
      lock.unlock();
    }
    try {
      if (!queue.shutDownWithDrain(shutdownTimeout)) {
        LOG.warn("Controller {}: reconciles still running after {}", name, shutdownTimeout);
      }
      long deadline = System.nanoTime() + shutdownTimeout.toNanos();
      for (Thread t : toJoin) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("Stopped controller {}", name);
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitSyncThenRunWorkers() {
    LOG.info("Waiting for caches to sync for controller {}", name);
    lock.lock();
    try {
      while (!stopped
          && !registrations.stream().allMatch(ResourceEventHandlerRegistration::hasSynced)) {
        stopSignal.awaitNanos(SYNC_POLL_NANOS);
      }
      if (stopped) {
        return;
      }
      running = true;
      LOG.info("Caches are synced; starting {} workers of controller {}", workers, name);
      for (int i = 0; i < workers; i++) {
        Thread worker = threadFactory.newThread(this::runWorker);
        threads.add(worker);
        worker.start();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  private void runWorker() {
    try {
      while (processNextWorkItem()) {
        // one key per iteration, until the queue shuts down
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean processNextWorkItem() throws InterruptedException {
    Optional<ObjectKey> next = queue.get();
    if (next.isEmpty()) {
      return false;
    }
    ObjectKey key = next.get();
    try {
      if (stopped) {
        // the queue still hands out what was queued before the stop: drop it
        return false;
      }
      reconcile(key);
      return true;
    } finally {
      queue.done(key);
    }
  }

  private void reconcile(ObjectKey key) {
    Result result;
    try {
      result = reconciler.reconcile(key);
    } catch (Exception e) {
      // a failing key retries for as long as it fails: one line per retry, the trace on debug
      LOG.warn(
          "Controller {}: error syncing {} (retry {}): {}",
          name,
          key,
          queue.numRequeues(key) + 1,
          e.toString());
      LOG.debug("Controller {}: error syncing {}", name, key, e);
      queue.addRateLimited(key);
      return;
    }
    if (result.requeueAfter() != null) {
      queue.forget(key);
      queue.addAfter(key, result.requeueAfter());
    } else if (result.requeueWithBackoff()) {
      queue.addRateLimited(key);
    } else {
      queue.forget(key);
    }
  }

  /** An informer and how its objects map to the keys of this controller. */
  record Source<T>(
      SharedIndexInformer<T> informer, Function<? super T, ? extends Collection<ObjectKey>> keys) {

    ResourceEventHandlerRegistration register(RateLimitingQueue<ObjectKey> queue) {
      return informer.addEventHandler(
          new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj, boolean isInInitialList) {
              keys.apply(obj).forEach(queue::add);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
              // both: a changed owner or selector must wake the old object's controller too
              Set<ObjectKey> all = new LinkedHashSet<>(keys.apply(newObj));
              all.addAll(keys.apply(oldObj));
              all.forEach(queue::add);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
              keys.apply(obj).forEach(queue::add);
            }
          });
    }

    void unregister(ResourceEventHandlerRegistration registration) {
      informer.removeEventHandler(registration);
    }
  }
}
