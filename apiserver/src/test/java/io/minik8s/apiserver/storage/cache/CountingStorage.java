package io.minik8s.apiserver.storage.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.ListResult;
import io.minik8s.apiserver.storage.Preconditions;
import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.WatchListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A delegate that counts lists and watches and keeps each watch's listener, for the cache tests.
 */
final class CountingStorage implements Storage {
  private final Storage delegate;
  final AtomicInteger lists = new AtomicInteger();
  final AtomicInteger watches = new AtomicInteger();
  final List<WatchListener> watchListeners = new CopyOnWriteArrayList<>();

  CountingStorage(Storage delegate) {
    this.delegate = delegate;
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
  public CompletableFuture<ListResult> list(String prefix, ListRequest request) {
    lists.incrementAndGet();
    return delegate.list(prefix, request);
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
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    watches.incrementAndGet();
    watchListeners.add(listener);
    return delegate.watch(prefix, afterRevision, listener);
  }

  @Override
  public CompletableFuture<Long> currentRevision() {
    return delegate.currentRevision();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
