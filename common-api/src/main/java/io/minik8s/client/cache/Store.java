package io.minik8s.client.cache;

import java.util.List;
import java.util.Optional;

/**
 * A keyed collection of objects (client-go's Store): what a {@link Reflector} writes into and what
 * consumers read from. Keys come from the store's key function, normally {@link
 * Cache#metaNamespaceKey}. Objects returned are the stored instances, shared with every other
 * reader: they are read-only, and a change must be made on a copy.
 */
public interface Store<T> {

  void add(T obj);

  void update(T obj);

  void delete(T obj);

  /** A snapshot of every object. */
  List<T> list();

  /** A snapshot of every key. */
  List<String> listKeys();

  /** The stored object with the same key as {@code obj}. */
  Optional<T> get(T obj);

  /** The stored object under the key, e.g. "default/web-1" (or "node-1" when cluster-scoped). */
  Optional<T> getByKey(String key);

  /**
   * Makes the content exactly {@code list}, as a list answer at {@code resourceVersion} says it is;
   * objects not in the list are removed.
   */
  void replace(List<T> list, String resourceVersion);

  /** Asks for every object to be processed again (informers: resync events); may be a no-op. */
  void resync();
}
