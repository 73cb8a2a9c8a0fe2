package io.minik8s.client;

import io.fabric8.kubernetes.api.model.Status;

/** Receives one watch's events, in order, on the watch's own thread. */
public interface WatchListener<T> {

  /** Upstream's event types (ERROR arrives through {@link #onError}). */
  enum EventType {
    ADDED,
    MODIFIED,
    DELETED,
    BOOKMARK
  }

  void onEvent(EventType type, T object);

  /** An ERROR event (e.g. 410 Expired: re-list); the stream ends after it. */
  default void onError(Status status) {}

  /** The stream ended (timeout, server gone, closed); null cause for a normal end. */
  default void onClose(Throwable cause) {}
}
