package io.minik8s.client.cache;

/** A handler added to a {@link SharedIndexInformer}; pass it back to remove the handler. */
public interface ResourceEventHandlerRegistration {

  /**
   * Whether the informer has synced and this handler has been called for every object of the
   * initial list (or, when added later, for every synthetic add of the cache's content).
   */
  boolean hasSynced();
}
