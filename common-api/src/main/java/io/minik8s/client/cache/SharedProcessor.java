package io.minik8s.client.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of one informer (client-go's sharedProcessor): fans each notification out to all of
 * them, or to the subset a resync concerns. Callers serialize distribution under the informer's
 * lock, which is what keeps every listener's sequence in the cache's order.
 */
final class SharedProcessor<T> {
  private final List<ProcessorListener<T>> listeners = new CopyOnWriteArrayList<>();

  void add(ProcessorListener<T> listener) {
    listeners.add(listener);
  }

  boolean remove(ResourceEventHandlerRegistration registration) {
    for (ProcessorListener<T> listener : listeners) {
      if (listener == registration) {
        listeners.remove(listener);
        listener.stop();
        return true;
      }
    }
    return false;
  }

  void distribute(Notification<T> notification) {
    for (ProcessorListener<T> listener : listeners) {
      listener.add(notification);
    }
  }

  /** To the listeners that asked for resyncs: a re-list's unchanged objects count as a resync. */
  void distributeToResyncing(Notification<T> notification) {
    for (ProcessorListener<T> listener : listeners) {
      if (listener.wantsResync()) {
        listener.add(notification);
      }
    }
  }

  /** The listeners whose resync period has passed at {@code now}; their next one is scheduled. */
  List<ProcessorListener<T>> dueForResync(Instant now) {
    List<ProcessorListener<T>> due = new ArrayList<>();
    for (ProcessorListener<T> listener : listeners) {
      if (listener.dueForResync(now)) {
        due.add(listener);
      }
    }
    return due;
  }

  /** The shortest resync period of any listener, or zero when none wants resyncs. */
  Duration resyncCheckPeriod() {
    Duration shortest = Duration.ZERO;
    for (ProcessorListener<T> listener : listeners) {
      Duration p = listener.resyncPeriod();
      if (!p.isZero() && (shortest.isZero() || p.compareTo(shortest) < 0)) {
        shortest = p;
      }
    }
    return shortest;
  }

  /** Notifications waiting in every listener's buffer. */
  int pendingCount() {
    int sum = 0;
    for (ProcessorListener<T> listener : listeners) {
      sum += listener.pendingCount();
    }
    return sum;
  }

  void stop() {
    listeners.forEach(ProcessorListener::stop);
    listeners.clear();
  }
}
