package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store a shared informer's {@link Reflector} writes into: each change updates the cache and is
 * then handed to every listener, both under one lock, so listeners see changes in the cache's
 * order. This plays the part of client-go's DeltaFIFO plus sharedIndexInformer.HandleDeltas,
 * without the intermediate queue: listener buffers already decouple the watch from the handlers.
 */
final class ProcessorStore<T extends HasMetadata> implements Store<T> {
  private final Cache<T> cache;
  private final SharedProcessor<T> processor;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean synced;

  ProcessorStore(Cache<T> cache, SharedProcessor<T> processor, Clock clock) {
    this.cache = cache;
    this.processor = processor;
    this.clock = clock;
  }

  /** Whether the first list has been stored. */
  boolean hasSynced() {
    return synced;
  }

  /**
   * Registers a listener; if the cache already holds the first list, replays it as synthetic adds,
   * atomically with respect to changes so that nothing is missed or seen twice.
   */
  void addListener(ProcessorListener<T> listener) {
    lock.lock();
    try {
      processor.add(listener);
      if (synced) {
        for (T obj : cache.list()) {
          listener.add(new Notification.Add<>(obj, true));
        }
        listener.add(new Notification.Synced<>());
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void add(T obj) {
    lock.lock();
    try {
      addOrUpdate(obj, false);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void update(T obj) {
    add(obj);
  }

  @Override
  public void delete(T obj) {
    lock.lock();
    try {
      // a delete of an object never seen (e.g. one the re-list already dropped) is not news
      if (cache.get(obj).isPresent()) {
        cache.delete(obj);
        processor.distribute(new Notification.Delete<>(obj, false));
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<T> list() {
    return cache.list();
  }

  @Override
  public List<String> listKeys() {
    return cache.listKeys();
  }

  @Override
  public Optional<T> get(T obj) {
    return cache.get(obj);
  }

  @Override
  public Optional<T> getByKey(String key) {
    return cache.getByKey(key);
  }

  /**
   * Stores a (re-)list: new objects are adds, changed ones updates, unchanged ones (same
   * resourceVersion) resyncs for the listeners that want those, and objects missing from the list
   * are deletes with an unknown final state, as client-go's DeltaFIFO.Replace gives them.
   */
  @Override
  public void replace(List<T> list, String resourceVersion) {
    lock.lock();
    try {
      boolean initial = !synced;
      Set<String> listed = new HashSet<>();
      for (T obj : list) {
        listed.add(cache.keyOf(obj));
        addOrUpdate(obj, initial);
      }
      for (String key : cache.listKeys()) {
        if (!listed.contains(key)) {
          T last = cache.getByKey(key).orElseThrow();
          cache.delete(last);
          processor.distribute(new Notification.Delete<>(last, true));
        }
      }
      if (initial) {
        synced = true;
        processor.distribute(new Notification.Synced<>());
      }
    } finally {
      lock.unlock();
    }
  }

  /** Gives every cached object again, as an update to itself, to the listeners due a resync. */
  @Override
  public void resync() {
    lock.lock();
    try {
      List<ProcessorListener<T>> due = processor.dueForResync(clock.instant());
      if (due.isEmpty()) {
        return;
      }
      for (T obj : cache.list()) {
        Notification<T> sync = new Notification.Update<>(obj, obj);
        due.forEach(listener -> listener.add(sync));
      }
    } finally {
      lock.unlock();
    }
  }

  private void addOrUpdate(T obj, boolean isInInitialList) {
    Optional<T> old = cache.get(obj);
    cache.update(obj);
    if (old.isEmpty()) {
      processor.distribute(new Notification.Add<>(obj, isInInitialList));
    } else if (sameVersion(old.get(), obj)) {
      processor.distributeToResyncing(new Notification.Update<>(old.get(), obj));
    } else {
      processor.distribute(new Notification.Update<>(old.get(), obj));
    }
  }

  private static boolean sameVersion(HasMetadata a, HasMetadata b) {
    String rv = a.getMetadata().getResourceVersion();
    return rv != null && rv.equals(b.getMetadata().getResourceVersion());
  }
}
