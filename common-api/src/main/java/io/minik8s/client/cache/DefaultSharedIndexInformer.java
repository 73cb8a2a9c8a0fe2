package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceType;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link SharedIndexInformer}: a {@link Reflector} writing into a {@link ProcessorStore}, which
 * updates a {@link Cache} and fans changes out to one {@link ProcessorListener} per handler.
 */
public final class DefaultSharedIndexInformer<T extends HasMetadata>
    implements SharedIndexInformer<T> {
  /** Upstream's floor on resync periods, so that a tiny one cannot spin. */
  static final Duration MINIMUM_RESYNC_PERIOD = Duration.ofSeconds(1);

  private final ListerWatcher<T> listerWatcher;
  private final Duration defaultResyncPeriod;
  private final Executor executor;
  private final Clock clock;
  private final InformerMetrics metrics;
  private final Cache<T> cache = Cache.withNamespaceIndex();
  private final SharedProcessor<T> processor = new SharedProcessor<>();
  private final ProcessorStore<T> store;
  private final Reflector<T> reflector;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopped;

  /**
   * @param defaultResyncPeriod the resync period of handlers added without one; zero for none
   * @param executor runs the reflector's loop (one task for the informer's lifetime) and the
   *     deliveries to handlers; it must start threads as needed, as a cached thread pool does
   * @param backoff the reflector's backoff, e.g. {@link ExponentialBackoffManager#reflectorDefault}
   */
  public DefaultSharedIndexInformer(
      ListerWatcher<T> listerWatcher,
      Duration defaultResyncPeriod,
      Executor executor,
      Clock clock,
      BackoffManager backoff,
      InformerMetrics metrics) {
    this.listerWatcher = listerWatcher;
    this.defaultResyncPeriod = defaultResyncPeriod;
    this.executor = executor;
    this.clock = clock;
    this.metrics = metrics;
    this.store = new ProcessorStore<>(cache, processor, clock);
    this.reflector =
        new Reflector<>(
            listerWatcher, store, backoff, clock, processor::resyncCheckPeriod, metrics);
  }

  @Override
  public ResourceEventHandlerRegistration addEventHandler(ResourceEventHandler<? super T> handler) {
    return addEventHandlerWithResyncPeriod(handler, defaultResyncPeriod);
  }

  @Override
  public ResourceEventHandlerRegistration addEventHandlerWithResyncPeriod(
      ResourceEventHandler<? super T> handler, Duration resyncPeriod) {
    if (stopped) {
      throw new IllegalStateException(
          "handler not added: the " + listerWatcher + " informer has stopped");
    }
    Duration period =
        resyncPeriod.isZero() || resyncPeriod.compareTo(MINIMUM_RESYNC_PERIOD) >= 0
            ? resyncPeriod
            : MINIMUM_RESYNC_PERIOD;
    ResourceType type = listerWatcher.type();
    ProcessorListener<T> listener =
        new ProcessorListener<>(
            handler, period, executor, clock, lag -> metrics.handlerLag(type, lag));
    store.addListener(listener);
    return listener;
  }

  @Override
  public void removeEventHandler(ResourceEventHandlerRegistration registration) {
    processor.remove(registration);
  }

  @Override
  public Indexer<T> indexer() {
    return cache;
  }

  @Override
  public void addIndexers(Map<String, IndexFunc<T>> indexers) {
    cache.addIndexers(indexers);
  }

  @Override
  public boolean hasSynced() {
    return store.hasSynced();
  }

  @Override
  public String lastSyncResourceVersion() {
    return reflector.lastSyncResourceVersion();
  }

  @Override
  public ResourceType type() {
    return listerWatcher.type();
  }

  /** Notifications buffered for all handlers and not yet delivered. */
  public int pendingNotifications() {
    return processor.pendingCount();
  }

  @Override
  public void start() {
    if (stopped || !started.compareAndSet(false, true)) {
      return;
    }
    executor.execute(this::runReflector);
  }

  private void runReflector() {
    Thread thread = Thread.currentThread();
    String name = thread.getName();
    thread.setName("reflector-" + listerWatcher.type().resource());
    try {
      reflector.run();
    } finally {
      thread.setName(name);
    }
  }

  @Override
  public void stop() {
    stopped = true;
    reflector.stop();
    processor.stop();
  }

  @Override
  public boolean isStopped() {
    return stopped;
  }

  @Override
  public String toString() {
    return "SharedIndexInformer(" + listerWatcher + ")";
  }
}
