package io.minik8s.client.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.workqueue.RateLimiter;
import io.minik8s.client.workqueue.RateLimitingQueue;
import io.minik8s.client.workqueue.WorkQueueMetricsProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Configures a {@link Controller}. Required: a name, a reconciler and the scheduler that runs the
 * workqueue's delayed adds; everything else has upstream's defaults (one worker, client-go's
 * DefaultControllerRateLimiter).
 */
public final class ControllerBuilder {
  private final String name;
  private final Reconciler reconciler;
  private final List<Controller.Source<?>> sources = new ArrayList<>();
  private int workers = 1;
  private Clock clock = Clock.systemUTC();
  private RateLimiter<ObjectKey> rateLimiter;
  private ScheduledExecutorService scheduler;
  private ThreadFactory threadFactory;
  private WorkQueueMetricsProvider metrics = WorkQueueMetricsProvider.NOOP;
  private Duration shutdownTimeout = Duration.ofSeconds(30);

  ControllerBuilder(String name, Reconciler reconciler) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a controller needs a name");
    }
    this.name = name;
    this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
  }

  /** Reconciles each object of the informer under its own key (the controller's primary type). */
  public <T extends HasMetadata> ControllerBuilder watches(SharedIndexInformer<T> informer) {
    return watches(informer, obj -> List.of(ObjectKey.of(obj)));
  }

  /**
   * Reconciles the keys an object of the informer maps to, e.g. a Pod to its owning ReplicaSet; on
   * an update both the old and the new object's keys are enqueued.
   */
  public <T> ControllerBuilder watches(
      SharedIndexInformer<T> informer, Function<? super T, ? extends Collection<ObjectKey>> keys) {
    sources.add(new Controller.Source<>(informer, keys));
    return this;
  }

  /** The number of concurrent reconciles (upstream's --concurrent-*-syncs); default 1. */
  public ControllerBuilder workers(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.workers = workers;
    return this;
  }

  public ControllerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /** Default: {@link RateLimiter#defaultControllerRateLimiter} on the builder's clock. */
  public ControllerBuilder rateLimiter(RateLimiter<ObjectKey> rateLimiter) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter);
    return this;
  }

  /** Runs the workqueue's delayed adds; shared, not owned. Required. */
  public ControllerBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler);
    return this;
  }

  /** Makes the sync-waiting thread and the workers; default: daemon threads named after it. */
  public ControllerBuilder threadFactory(ThreadFactory threadFactory) {
    this.threadFactory = Objects.requireNonNull(threadFactory);
    return this;
  }

  public ControllerBuilder metrics(WorkQueueMetricsProvider metrics) {
    this.metrics = Objects.requireNonNull(metrics);
    return this;
  }

  /** How long {@link Controller#stop} waits for reconciles in progress; default 30 s. */
  public ControllerBuilder shutdownTimeout(Duration timeout) {
    this.shutdownTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  public Controller build() {
    if (scheduler == null) {
      throw new IllegalStateException("controller " + name + " needs a scheduler");
    }
    RateLimiter<ObjectKey> limiter =
        rateLimiter != null ? rateLimiter : RateLimiter.defaultControllerRateLimiter(clock);
    return new Controller(
        name,
        reconciler,
        sources,
        workers,
        RateLimitingQueue.create(name, limiter, clock, scheduler, metrics),
        threadFactory != null ? threadFactory : namedThreads(name),
        shutdownTimeout);
  }

  private static ThreadFactory namedThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
  }
}
