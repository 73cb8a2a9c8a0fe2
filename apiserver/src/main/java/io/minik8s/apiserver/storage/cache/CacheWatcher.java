package io.minik8s.apiserver.storage.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchListener;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One watcher of the cache: events under its key prefix and after its start revision pass through a
 * bounded queue and reach the listener on a shared executor, one batch at a time. A watcher that
 * cannot keep up is ended rather than buffered without bound, as upstream's cacher does.
 */
final class CacheWatcher implements Storage.Watch {
  /** Events delivered per executor task, so that one busy watcher cannot hog a thread. */
  private static final int BATCH = 100;

  private final String prefix;
  private final WatchListener listener;
  private final boolean bookmarks;
  private final int capacity;
  private final Executor executor;
  private final Consumer<CacheWatcher> onClose;
  private final LongFunction<HasMetadata> bookmarkObject;
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean terminated;

  /** Only events after this revision are sent. */
  private final long startRevision;

  /** The newest revision queued for the listener: a bookmark at or before it says nothing new. */
  private long lastRevision;

  /**
   * @param afterRevision only events after this revision are sent
   * @param replay window events to send first; they may exceed {@code capacity}
   */
  CacheWatcher(
      String prefix,
      long afterRevision,
      WatchListener listener,
      boolean bookmarks,
      int capacity,
      List<WatchEvent> replay,
      Executor executor,
      LongFunction<HasMetadata> bookmarkObject,
      Consumer<CacheWatcher> onClose) {
    this.prefix = prefix;
    this.listener = listener;
    this.bookmarks = bookmarks;
    this.executor = executor;
    this.bookmarkObject = bookmarkObject;
    this.onClose = onClose;
    this.startRevision = afterRevision;
    this.lastRevision = afterRevision;
    int replayed = 0;
    for (WatchEvent event : replay) {
      if (matches(event)) {
        queue.add(event);
        lastRevision = event.revision();
        replayed++;
      }
    }
    size.set(replayed);
    this.capacity = capacity + replayed;
    schedule();
  }

  /**
   * Queues an event for the listener if it concerns this watcher. Called by the cache under its
   * lock, in revision order; never blocks.
   */
  void offer(WatchEvent event) {
    if (terminated || !matches(event)) {
      return;
    }
    if (size.get() >= capacity) {
      terminate(
          new StorageException(
              StorageException.Reason.UNAVAILABLE, prefix, Cacher.WATCHER_TOO_SLOW));
      return;
    }
    lastRevision = event.revision();
    enqueue(event);
  }

  /** Queues a BOOKMARK at {@code revision} if asked for and it tells the listener something new. */
  void bookmark(long revision) {
    if (!bookmarks || terminated || revision <= lastRevision || size.get() >= capacity) {
      return;
    }
    lastRevision = revision;
    enqueue(
        new WatchEvent(
            WatchEvent.Type.BOOKMARK, null, bookmarkObject.apply(revision), null, revision));
  }

  /** Ends the watch: queued events are dropped and the listener gets {@code error} next. */
  void terminate(StorageException error) {
    if (terminated) {
      return;
    }
    terminated = true;
    queue.clear();
    size.set(0);
    enqueue(error);
    onClose.accept(this);
  }

  boolean isTerminated() {
    return terminated;
  }

  @Override
  public void close() {
    closed = true;
    terminated = true;
    queue.clear();
    onClose.accept(this);
  }

  private boolean matches(WatchEvent event) {
    return event.revision() > startRevision
        && event.key() != null
        && event.key().startsWith(prefix);
  }

  private void enqueue(Object item) {
    queue.add(item);
    size.incrementAndGet();
    schedule();
  }

  private void schedule() {
    if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    try {
      for (int i = 0; i < BATCH && !closed; i++) {
        Object item = queue.poll();
        if (item == null) {
          break;
        }
        size.decrementAndGet();
        if (item instanceof StorageException error) {
          closed = true;
          listener.onError(error);
          return;
        }
        listener.onEvent((WatchEvent) item);
      }
    } finally {
      draining.set(false);
    }
    if (!closed) {
      schedule();
    }
  }
}
