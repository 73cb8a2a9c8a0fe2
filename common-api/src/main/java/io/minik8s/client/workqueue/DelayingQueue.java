package io.minik8s.client.workqueue;

import java.time.Duration;

/**
 * A {@link WorkQueue} that can add an item later. While an item waits, a later request for the same
 * item only moves it earlier, never later.
 */
public interface DelayingQueue<T> extends WorkQueue<T> {

  /**
   * Adds the item once the delay has passed (at once when not positive); ignored when shut down.
   */
  void addAfter(T item, Duration delay);
}
