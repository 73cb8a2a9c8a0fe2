package io.minik8s.client.workqueue;

import java.time.Duration;
import java.util.Optional;

/**
 * A work queue of items (usually {@code namespace/name} keys) with client-go's guarantees:
 *
 * <ul>
 *   <li>Fair: items are handed out in the order they were added.
 *   <li>Stingy: an item added several times before it is processed is processed once.
 *   <li>Exclusive: an item is never handed to two workers at once; an item added while it is being
 *       processed is handed out again after {@link #done} (and only then).
 *   <li>Shutdown: after {@link #shutDown} adds are ignored, {@link #get} still hands out what is
 *       queued and then answers empty.
 * </ul>
 *
 * <p>Items must be immutable values with {@code equals}/{@code hashCode}. Thread-safe.
 */
public interface WorkQueue<T> {

  /** Marks the item as needing processing; ignored once shutting down. */
  void add(T item);

  /**
   * Blocks until an item is available and hands it to the caller, who must call {@link #done} with
   * it when finished. Empty when the queue is shut down and no item is left.
   */
  Optional<T> get() throws InterruptedException;

  /** Marks the item as processed; if it was added meanwhile, it is queued again. */
  void done(T item);

  /** Stops accepting adds and wakes every waiting {@link #get}; does not wait for workers. */
  void shutDown();

  /**
   * Like {@link #shutDown}, then waits until every item handed out has been marked {@link #done}.
   *
   * @return false if the timeout elapsed first
   */
  boolean shutDownWithDrain(Duration timeout) throws InterruptedException;

  boolean isShuttingDown();

  /** The number of items waiting to be handed out (not those being processed). */
  int len();
}
