package io.minik8s.client.cache;

import io.minik8s.api.ResourceType;
import java.time.Duration;
import java.util.Map;

/**
 * One cache of one resource (in one scope), kept up to date by one list+watch and shared by any
 * number of handlers (client-go's SharedIndexInformer). The contract:
 *
 * <ul>
 *   <li>Each handler receives every change once, in the order the cache applied them, on its own
 *       buffer that never drops and never blocks the informer or other handlers.
 *   <li>A handler added after the cache synced first gets a synthetic add per cached object.
 *   <li>After a re-list (e.g. on 410 Gone), objects that vanished meanwhile arrive as deletes
 *       flagged {@code deletedFinalStateUnknown}.
 *   <li>A handler with a resync period also gets, that often, an update of every object to itself.
 *   <li>Objects handed out, by handlers and by the {@link #indexer()}, are the cache's own
 *       instances, shared and never copied per call: they are read-only. Change a copy.
 * </ul>
 */
public interface SharedIndexInformer<T> {

  /** Adds a handler with the informer's default resync period. */
  ResourceEventHandlerRegistration addEventHandler(ResourceEventHandler<? super T> handler);

  /**
   * Adds a handler that also gets a resync every {@code resyncPeriod} (zero for none; at least one
   * second, as upstream).
   *
   * @throws IllegalStateException if the informer has been stopped
   */
  ResourceEventHandlerRegistration addEventHandlerWithResyncPeriod(
      ResourceEventHandler<? super T> handler, Duration resyncPeriod);

  /** Stops delivering to the handler; notifications still buffered for it are dropped. */
  void removeEventHandler(ResourceEventHandlerRegistration registration);

  /** The cache, for reads (keys "namespace/name", {@link Cache#NAMESPACE_INDEX} included). */
  Indexer<T> indexer();

  /** Adds indexes, e.g. {@code Map.of(Cache.NODE_NAME_INDEX, Cache.podNodeNameIndexFunc())}. */
  void addIndexers(Map<String, IndexFunc<T>> indexers);

  /** Whether the cache holds the first complete list. */
  boolean hasSynced();

  /** The resourceVersion the cache is up to date with; "" before the first list. */
  String lastSyncResourceVersion();

  ResourceType type();

  /** Starts the list+watch in the background; a second call does nothing. */
  void start();

  /** Stops the list+watch and all deliveries. Idempotent; a stopped informer cannot restart. */
  void stop();

  boolean isStopped();
}
