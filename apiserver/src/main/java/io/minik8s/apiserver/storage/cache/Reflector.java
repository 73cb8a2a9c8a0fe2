package io.minik8s.apiserver.storage.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.ListResult;
import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache in step with the delegate: list, then one watch from the list's revision; when
 * that watch fails (compaction, etcd lost for good), end the cache's watchers so they re-watch, and
 * list again after a pause.
 */
final class Reflector {
  private static final Logger log = LoggerFactory.getLogger(Reflector.class);

  private final Storage delegate;
  private final String resourcePrefix;
  private final Function<HasMetadata, String> keyOf;
  private final WatchCache cache;
  private final FreshnessWaiters freshness;
  private final CacherOptions options;
  private final ScheduledExecutorService executor;
  private final CompletableFuture<Void> firstSync = new CompletableFuture<>();
  private volatile boolean closed;
  private Storage.Watch watch;
  private volatile long generation;

  Reflector(
      Storage delegate,
      String resourcePrefix,
      Function<HasMetadata, String> keyOf,
      WatchCache cache,
      FreshnessWaiters freshness,
      CacherOptions options,
      ScheduledExecutorService executor) {
    this.delegate = delegate;
    this.resourcePrefix = resourcePrefix;
    this.keyOf = keyOf;
    this.cache = cache;
    this.freshness = freshness;
    this.options = options;
    this.executor = executor;
  }

  void start() {
    listAndWatch();
  }

  CompletableFuture<Void> firstSync() {
    return firstSync;
  }

  void close() {
    Storage.Watch current;
    synchronized (this) {
      closed = true;
      current = watch;
      watch = null;
    }
    if (current != null) {
      current.close();
    }
  }

  private void listAndWatch() {
    if (closed) {
      return;
    }
    delegate
        .list(resourcePrefix, ListRequest.all())
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                log.warn(
                    "listing {} for the watch cache failed: {}", resourcePrefix, error.toString());
                retryLater();
              } else {
                load(result);
              }
            });
  }

  private synchronized void load(ListResult result) {
    if (closed) {
      return;
    }
    Map<String, HasMetadata> items = new LinkedHashMap<>();
    for (HasMetadata item : result.items()) {
      items.put(keyOf.apply(item), item);
    }
    long current = ++generation;
    cache.replace(items, result.revision());
    Storage.Watch started =
        delegate.watch(resourcePrefix, result.revision(), new DelegateListener(current));
    if (generation == current) {
      watch = started;
    }
    freshness.advanced();
    firstSync.complete(null);
  }

  private void retryLater() {
    if (!closed) {
      executor.schedule(
          this::listAndWatch, options.relistBackoff().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** The delegate watch of one list generation; a stale generation's calls are ignored. */
  private final class DelegateListener implements WatchListener {
    private final long listGeneration;

    DelegateListener(long listGeneration) {
      this.listGeneration = listGeneration;
    }

    @Override
    public void onEvent(WatchEvent event) {
      if (listGeneration != generation || closed) {
        return;
      }
      cache.apply(event);
      freshness.advanced();
    }

    @Override
    public void onError(StorageException error) {
      Storage.Watch failed;
      synchronized (Reflector.this) {
        if (listGeneration != generation || closed) {
          return;
        }
        generation++;
        failed = watch;
        watch = null;
      }
      if (failed != null) {
        // usually ended already; closing makes sure a half-broken watch stops delivering
        failed.close();
      }
      log.info("watch cache of {} re-lists: {}", resourcePrefix, error.getMessage());
      for (CacheWatcher watcher : cache.invalidate()) {
        watcher.terminate(
            new StorageException(
                StorageException.Reason.UNAVAILABLE, resourcePrefix, Cacher.CACHE_REINITIALIZING));
      }
      retryLater();
    }
  }
}
