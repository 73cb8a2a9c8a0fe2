package io.minik8s.client.cache;

/**
 * Receives the changes an informer observes (client-go's ResourceEventHandler). Each handler gets
 * its notifications one at a time, in the order the informer saw them, on a thread of the
 * informer's executor, never concurrently with itself; a slow handler delays only itself. The
 * objects are the cache's shared instances: read-only, and possibly already replaced in the cache
 * by a newer version when the call arrives. Handlers should be quick, typically enqueuing a key
 * into a workqueue; an exception is logged and the next notification follows.
 */
public interface ResourceEventHandler<T> {

  /**
   * An object appeared.
   *
   * @param isInInitialList true for the objects of the informer's first list, and for the synthetic
   *     adds that replay the cache to a handler registered after it synced
   */
  default void onAdd(T obj, boolean isInInitialList) {}

  /**
   * An object changed. On a resync (a handler registered with a resync period) both arguments carry
   * the same resourceVersion, usually the very same instance.
   */
  default void onUpdate(T oldObj, T newObj) {}

  /**
   * An object was deleted.
   *
   * @param obj its final state; or, when {@code deletedFinalStateUnknown}, the last state this
   *     cache saw
   * @param deletedFinalStateUnknown true when the deletion was not watched but inferred from a
   *     re-list that no longer has the object (client-go passes a DeletedFinalStateUnknown
   *     tombstone in that case)
   */
  default void onDelete(T obj, boolean deletedFinalStateUnknown) {}
}
