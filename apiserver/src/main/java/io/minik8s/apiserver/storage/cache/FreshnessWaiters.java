package io.minik8s.apiserver.storage.cache;

import io.minik8s.apiserver.storage.StorageException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lists that wait, without blocking a thread, for the cache to reach a revision (upstream's
 * waitUntilFreshAndBlock). While any wait, the delegate is asked for progress so that a quiet
 * resource's cache learns the newest revision.
 */
final class FreshnessWaiters {
  private final WatchCache cache;
  private final CacherOptions options;
  private final ScheduledExecutorService executor;
  private final List<Waiter> waiters = new ArrayList<>();

  private record Waiter(long revision, CompletableFuture<Void> future) {}

  FreshnessWaiters(WatchCache cache, CacherOptions options, ScheduledExecutorService executor) {
    this.cache = cache;
    this.options = options;
    this.executor = executor;
  }

  /** Completes once the cache reached {@code revision}; fails with TOO_LARGE after the timeout. */
  CompletableFuture<Void> await(long revision) {
    if (cache.revision() >= revision) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> future = new CompletableFuture<>();
    synchronized (this) {
      waiters.add(new Waiter(revision, future));
    }
    // the cache may have moved between the first check and the registration
    advanced();
    if (future.isDone()) {
      return future;
    }
    requestProgress();
    long timeout = options.freshnessTimeout().toMillis();
    executor.schedule(this::requestProgress, timeout / 2, TimeUnit.MILLISECONDS);
    executor.schedule(
        () -> {
          synchronized (this) {
            waiters.removeIf(w -> w.future() == future);
          }
          future.completeExceptionally(
              new StorageException(
                  StorageException.Reason.TOO_LARGE_RESOURCE_VERSION,
                  null,
                  "Too large resource version: " + revision + ", current: " + cache.revision()));
        },
        timeout,
        TimeUnit.MILLISECONDS);
    return future;
  }

  /** Releases the waits the cache's revision now satisfies, on the executor. */
  void advanced() {
    long revision = cache.revision();
    List<CompletableFuture<Void>> released = new ArrayList<>();
    synchronized (this) {
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (waiter.revision() <= revision) {
          released.add(waiter.future());
          it.remove();
        }
      }
    }
    for (CompletableFuture<Void> future : released) {
      executor.execute(() -> future.complete(null));
    }
  }

  private void requestProgress() {
    Runnable requester = options.progressRequester();
    if (requester != null && hasWaiters()) {
      requester.run();
    }
  }

  private synchronized boolean hasWaiters() {
    return !waiters.isEmpty();
  }
}
