package io.minik8s.client;

import io.fabric8.kubernetes.api.model.Status;

/**
 * Receives one watch's events, in order, on the watch's own thread. A listener that blocks holds
 * back that watch's later events (and nothing else).
 */
public interface WatchListener<T> {

  /** Upstream's event types (ERROR arrives through {@link #onError}). */
  enum EventType {
    ADDED,
    MODIFIED,
    DELETED,
    BOOKMARK
  }

  void onEvent(EventType type, T object);

  /**
   * An ERROR event (e.g. 410 Expired: re-list). The client ends the stream after it, then calls
   * {@link #onClose} with an {@code ApiException} carrying the same Status.
   */
  default void onError(Status status) {}

  /**
   * Called exactly once, last, when the stream ended: null cause when the server ended it normally
   * (its timeoutSeconds elapsed) or the watch was closed by the client; the failure otherwise (an
   * {@code ApiException} after an ERROR event, a {@code ConnectionException} when the connection
   * broke, or the exception a listener method threw). Watch again to continue.
   */
  default void onClose(Throwable cause) {}
}
