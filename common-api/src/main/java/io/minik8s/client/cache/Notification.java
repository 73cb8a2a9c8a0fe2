package io.minik8s.client.cache;

/** What a {@link ProcessorListener} hands to its handler, one at a time. */
sealed interface Notification<T> {

  record Add<T>(T obj, boolean isInInitialList) implements Notification<T> {}

  record Update<T>(T oldObj, T newObj) implements Notification<T> {}

  record Delete<T>(T obj, boolean deletedFinalStateUnknown) implements Notification<T> {}

  /** Not delivered: marks the end of the initial notifications (registration hasSynced). */
  record Synced<T>() implements Notification<T> {}
}
