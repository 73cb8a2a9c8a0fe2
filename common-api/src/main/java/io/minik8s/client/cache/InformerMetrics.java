package io.minik8s.client.cache;

import io.minik8s.api.ResourceType;
import io.minik8s.client.WatchListener.EventType;
import java.time.Duration;

/**
 * Hooks through which informers report what they do, for the component runtime to export as
 * Prometheus metrics. Called from informer threads, so implementations must be thread-safe and
 * quick. Every method defaults to doing nothing.
 */
public interface InformerMetrics {
  InformerMetrics NONE = new InformerMetrics() {};

  /** A list (all its pages) returned {@code items} objects after {@code duration}. */
  default void listed(ResourceType type, int items, Duration duration) {}

  /** A watch event arrived (bookmarks included). */
  default void eventReceived(ResourceType type, EventType eventType) {}

  /** The watch ended and the reflector re-lists, e.g. after 410 Gone ({@code reason} "Expired"). */
  default void relisted(ResourceType type, String reason) {}

  /**
   * The informer lag of one notification: from the moment the informer stored the change to the
   * moment a handler was called with it.
   */
  default void handlerLag(ResourceType type, Duration lag) {}
}
