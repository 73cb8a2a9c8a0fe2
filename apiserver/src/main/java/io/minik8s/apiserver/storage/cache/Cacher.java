package io.minik8s.apiserver.storage.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.ListResult;
import io.minik8s.apiserver.storage.Preconditions;
import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.StorageException.Reason;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchListener;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The watch cache in front of one resource's storage (upstream's cacher). Writes, gets and lists
 * that must be consistent go to the delegate; lists at resourceVersion "0" or "not older than N"
 * are answered from memory; watches share one delegate watch and fan out through per-watcher
 * bounded queues.
 *
 * <p>Watch semantics: {@code afterRevision} 0 starts at the cache's current revision; a revision
 * still in the window of recent events replays the events after it; an older one falls back to a
 * direct delegate watch (etcd), which fails with GONE if compacted. Upstream answers 410 in that
 * case; this is a documented difference. A watcher ends with {@link Reason#UNAVAILABLE} and message
 * {@link #WATCHER_TOO_SLOW} when its queue fills, or {@link #CACHE_REINITIALIZING} when the cache
 * lost its delegate watch: the endpoints should end such a stream normally (no ERROR event), so
 * that clients re-watch from the last resourceVersion they saw, as with upstream's closed watch
 * channels.
 *
 * <p>Call {@link #start()} once; {@link #ready()} completes when the first list is in memory.
 */
public final class Cacher implements Storage {
  /** The message of a watcher ended because its queue was full. */
  public static final String WATCHER_TOO_SLOW = "watcher too slow";

  /** The message of a watcher ended because the cache re-lists after losing its etcd watch. */
  public static final String CACHE_REINITIALIZING = "watch cache re-initializing";

  static final String NAMESPACE_FIELD = "metadata.namespace";

  private final Storage delegate;
  private final ResourceType type;
  private final String etcdPrefix;
  private final String resourcePrefix;
  private final CacherOptions options;
  private final ScheduledExecutorService executor;
  private final WatchCache cache;
  private final Reflector reflector;
  private final FreshnessWaiters freshness;
  private volatile ScheduledFuture<?> bookmarkTimer;

  /**
   * @param delegate the storage of {@code type} (an EtcdStorage); the cacher does not close it
   * @param etcdPrefix the key prefix of all resources, e.g. "/registry"
   * @param executor runs watcher deliveries, bookmarks and retries; owned by the caller
   */
  public Cacher(
      Storage delegate,
      ResourceType type,
      String etcdPrefix,
      CacherOptions options,
      ScheduledExecutorService executor) {
    this.delegate = delegate;
    this.type = type;
    this.etcdPrefix = etcdPrefix;
    this.resourcePrefix = type.etcdPrefix(etcdPrefix, null);
    this.options = options;
    this.executor = executor;
    this.cache = new WatchCache(resourcePrefix, options.windowSize(), indexers(type, options));
    this.freshness = new FreshnessWaiters(cache, options, executor);
    this.reflector =
        new Reflector(delegate, resourcePrefix, this::keyOf, cache, freshness, options, executor);
  }

  /** Starts listing and watching the delegate; returns {@link #ready()}. */
  public CompletableFuture<Void> start() {
    reflector.start();
    long interval = options.bookmarkInterval().toMillis();
    bookmarkTimer =
        executor.scheduleWithFixedDelay(
            cache::bookmarkAll, interval, interval, TimeUnit.MILLISECONDS);
    return ready();
  }

  /** Completes when the first list has been loaded. */
  public CompletableFuture<Void> ready() {
    return reflector.firstSync();
  }

  /** The revision the cache has caught up to (0 before the first list). */
  public long currentCacheRevision() {
    return cache.revision();
  }

  /** A BOOKMARK event at the cache's current revision, e.g. for the end of a watch's timeout. */
  public WatchEvent bookmark() {
    long revision = cache.revision();
    return new WatchEvent(WatchEvent.Type.BOOKMARK, null, bookmarkObject(revision), null, revision);
  }

  @Override
  public CompletableFuture<HasMetadata> create(String key, HasMetadata object, long ttlSeconds) {
    return delegate.create(key, object, ttlSeconds);
  }

  @Override
  public CompletableFuture<HasMetadata> get(String key) {
    return delegate.get(key);
  }

  @Override
  public CompletableFuture<HasMetadata> guaranteedUpdate(
      String key, Preconditions preconditions, UpdateFunction tryUpdate) {
    return delegate.guaranteedUpdate(key, preconditions, tryUpdate);
  }

  @Override
  public CompletableFuture<HasMetadata> delete(String key, Preconditions preconditions) {
    return delegate.delete(key, preconditions);
  }

  @Override
  public CompletableFuture<Long> currentRevision() {
    return delegate.currentRevision();
  }

  /**
   * Serves from memory what upstream's cacher serves (resourceVersion "0", or N with no limit and
   * match unset or NotOlderThan, once the cache reached N), everything else from the delegate.
   */
  @Override
  public CompletableFuture<ListResult> list(String prefix, ListRequest request) {
    long minimum = CachedListRule.minimumRevision(request);
    if (minimum < 0 || !cache.isSynced() || !prefix.startsWith(resourcePrefix)) {
      return delegate.list(prefix, request);
    }
    return freshness.await(minimum).thenApply(ignored -> cache.list(prefix, request));
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    return watch(prefix, afterRevision, listener, false);
  }

  /**
   * Like {@link #watch(String, long, WatchListener)}, and with {@code bookmarks} the listener also
   * gets a BOOKMARK about every {@link CacherOptions#bookmarkInterval()} when the cache's revision
   * has moved past the last event it received. Bookmarks are not sent on the fallback delegate
   * watch, except etcd's own progress notifications.
   */
  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener, boolean bookmarks) {
    if (prefix.startsWith(resourcePrefix)) {
      CacheWatcher watcher =
          cache.register(
              afterRevision,
              (from, replay) ->
                  new CacheWatcher(
                      prefix,
                      from,
                      listener,
                      bookmarks,
                      options.watcherQueueSize(),
                      replay,
                      executor,
                      this::bookmarkObject,
                      cache::unregister));
      if (watcher != null) {
        return watcher;
      }
    }
    return delegate.watch(prefix, afterRevision, listener);
  }

  /** Watchers currently served from the cache. */
  public int watcherCount() {
    return cache.watcherCount();
  }

  /** Stops the delegate watch and ends every watcher with UNAVAILABLE. */
  @Override
  public void close() {
    ScheduledFuture<?> timer = bookmarkTimer;
    if (timer != null) {
      timer.cancel(false);
    }
    reflector.close();
    for (CacheWatcher watcher : cache.invalidate()) {
      watcher.terminate(
          new StorageException(Reason.UNAVAILABLE, resourcePrefix, "watch cache closed"));
    }
  }

  private String keyOf(HasMetadata object) {
    return type.etcdKey(
        etcdPrefix, object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  private HasMetadata bookmarkObject(long revision) {
    try {
      HasMetadata object = type.type().getDeclaredConstructor().newInstance();
      ObjectMeta metadata = new ObjectMeta();
      metadata.setResourceVersion(Long.toString(revision));
      object.setMetadata(metadata);
      return object;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + type.type().getName(), e);
    }
  }

  private static Map<String, Function<HasMetadata, String>> indexers(
      ResourceType type, CacherOptions options) {
    Map<String, Function<HasMetadata, String>> indexers = new HashMap<>();
    if (type.namespaced()) {
      indexers.put(NAMESPACE_FIELD, o -> o.getMetadata().getNamespace());
    }
    for (String field : options.indexedFields()) {
      if (!type.isSelectableField(field)) {
        throw new IllegalArgumentException(type.resource() + " has no selectable field " + field);
      }
      indexers.put(field, o -> type.fieldsOf(o).get(field));
    }
    return indexers;
  }
}
