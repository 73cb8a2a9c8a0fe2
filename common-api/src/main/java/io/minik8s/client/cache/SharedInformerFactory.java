package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceType;
import io.minik8s.client.KubeClient;
import io.minik8s.client.ResourceClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of one process (client-go's SharedInformerFactory): one {@link SharedIndexInformer}
 * per resource and scope, however many components ask for it, so a process opens one watch per
 * resource. Ask for informers, add handlers, then {@link #start()} and {@link #waitForCacheSync};
 * informers asked for after a start need another {@link #start()}.
 */
public final class SharedInformerFactory implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SharedInformerFactory.class);

  private final KubeClient client;
  private final Duration defaultResyncPeriod;
  private final ExecutorService executor;
  private final boolean ownsExecutor;
  private final Clock clock;
  private final InformerMetrics metrics;
  private final Map<Key, SharedIndexInformer<?>> informers = new LinkedHashMap<>();
  private final List<SharedIndexInformer<?>> started = new ArrayList<>();
  private boolean shutdown;

  /**
   * @param defaultResyncPeriod the resync period of handlers added without one; zero for none
   * @param executor runs reflectors and handler deliveries (see {@link
   *     DefaultSharedIndexInformer}); not shut down by this factory
   */
  public SharedInformerFactory(
      KubeClient client,
      Duration defaultResyncPeriod,
      ExecutorService executor,
      Clock clock,
      InformerMetrics metrics) {
    this(client, defaultResyncPeriod, executor, false, clock, metrics);
  }

  /** A factory with its own daemon thread pool, closed with it, and the system clock. */
  public SharedInformerFactory(KubeClient client, Duration defaultResyncPeriod) {
    this(
        client,
        defaultResyncPeriod,
        Executors.newCachedThreadPool(daemonThreads()),
        true,
        Clock.systemUTC(),
        InformerMetrics.NONE);
  }

  private SharedInformerFactory(
      KubeClient client,
      Duration defaultResyncPeriod,
      ExecutorService executor,
      boolean ownsExecutor,
      Clock clock,
      InformerMetrics metrics) {
    this.client = client;
    this.defaultResyncPeriod = defaultResyncPeriod;
    this.executor = executor;
    this.ownsExecutor = ownsExecutor;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The informer of every object of the resource, e.g. {@code informerFor(Pod.class)}. */
  public <T extends HasMetadata> SharedIndexInformer<T> informerFor(Class<T> type) {
    return informerFor(type, InformerScope.ALL);
  }

  /** The informer of the resource's objects within a namespace and/or selectors. */
  public <T extends HasMetadata> SharedIndexInformer<T> informerFor(
      Class<T> type, InformerScope scope) {
    ResourceClient<T> resources = client.resources(type);
    return informerFor(resources, scope);
  }

  /** The informer of a resource named by its registry entry, for generic consumers. */
  public SharedIndexInformer<HasMetadata> informerFor(ResourceType type, InformerScope scope) {
    return informerFor(client.resources(type), scope);
  }

  /** A lister over the informer's cache. */
  public <T extends HasMetadata> Lister<T> listerFor(Class<T> type) {
    return new Lister<>(informerFor(type).indexer());
  }

  @SuppressWarnings("unchecked") // one informer per resource type, whichever way it was asked for
  private synchronized <T extends HasMetadata> SharedIndexInformer<T> informerFor(
      ResourceClient<T> resources, InformerScope scope) {
    if (shutdown) {
      throw new IllegalStateException("informer factory is shut down");
    }
    ResourceType type = resources.type();
    Key key = new Key(type.group(), type.version(), type.resource(), scope);
    return (SharedIndexInformer<T>)
        informers.computeIfAbsent(
            key,
            k ->
                new DefaultSharedIndexInformer<>(
                    ListerWatcher.of(resources, scope),
                    defaultResyncPeriod,
                    executor,
                    clock,
                    ExponentialBackoffManager.reflectorDefault(clock),
                    metrics));
  }

  /** Starts every informer not started yet. */
  public synchronized void start() {
    if (shutdown) {
      throw new IllegalStateException("informer factory is shut down");
    }
    for (SharedIndexInformer<?> informer : informers.values()) {
      if (!started.contains(informer)) {
        informer.start();
        started.add(informer);
      }
    }
  }

  /**
   * Waits until every started informer holds its first list.
   *
   * @return false if the timeout passed first; the informers not synced are logged
   */
  public boolean waitForCacheSync(Duration timeout) {
    List<SharedIndexInformer<?>> waiting;
    synchronized (this) {
      waiting = List.copyOf(started);
    }
    boolean synced =
        Cache.waitForCacheSync(
            timeout,
            waiting.stream()
                .map(i -> (BooleanSupplier) i::hasSynced)
                .toArray(BooleanSupplier[]::new));
    if (!synced) {
      waiting.stream()
          .filter(i -> !i.hasSynced())
          .forEach(i -> log.warn("cache of {} not synced after {}", i, timeout));
    }
    return synced;
  }

  /** Stops every informer (and the factory's own threads, if it made them). */
  public synchronized void shutdown() {
    shutdown = true;
    informers.values().forEach(SharedIndexInformer::stop);
    if (ownsExecutor) {
      executor.shutdownNow();
    }
  }

  @Override
  public void close() {
    shutdown();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "informer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** By group/version/resource, not ResourceType: registries built apart hold equal types. */
  private record Key(String group, String version, String resource, InformerScope scope) {}
}
