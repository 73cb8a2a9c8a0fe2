package io.minik8s.client.controller;

import io.minik8s.api.ResourceType;
import io.minik8s.client.cache.IndexFunc;
import io.minik8s.client.cache.Indexer;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.ResourceEventHandlerRegistration;
import io.minik8s.client.cache.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An informer the test drives by hand: it calls its handlers on the test's thread and reports
 * synced when told to.
 */
final class FakeInformer<T> implements SharedIndexInformer<T> {
  private final List<Handler<T>> handlers = new CopyOnWriteArrayList<>();
  private volatile boolean synced;

  private record Handler<T>(ResourceEventHandler<? super T> handler, FakeInformer<T> informer)
      implements ResourceEventHandlerRegistration {
    @Override
    public boolean hasSynced() {
      return informer.synced;
    }
  }

  void markSynced() {
    synced = true;
  }

  int handlerCount() {
    return handlers.size();
  }

  void add(T obj) {
    handlers.forEach(h -> h.handler().onAdd(obj, !synced));
  }

  void update(T oldObj, T newObj) {
    handlers.forEach(h -> h.handler().onUpdate(oldObj, newObj));
  }

  void delete(T obj, boolean finalStateUnknown) {
    handlers.forEach(h -> h.handler().onDelete(obj, finalStateUnknown));
  }

  @Override
  public ResourceEventHandlerRegistration addEventHandler(ResourceEventHandler<? super T> handler) {
    Handler<T> h = new Handler<>(handler, this);
    handlers.add(h);
    return h;
  }

  @Override
  public ResourceEventHandlerRegistration addEventHandlerWithResyncPeriod(
      ResourceEventHandler<? super T> handler, Duration resyncPeriod) {
    return addEventHandler(handler);
  }

  @Override
  public void removeEventHandler(ResourceEventHandlerRegistration registration) {
    handlers.remove(registration);
  }

  @Override
  public Indexer<T> indexer() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void addIndexers(Map<String, IndexFunc<T>> indexers) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean hasSynced() {
    return synced;
  }

  @Override
  public String lastSyncResourceVersion() {
    return "";
  }

  @Override
  public ResourceType type() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void start() {}

  @Override
  public void stop() {}

  @Override
  public boolean isStopped() {
    return false;
  }
}
