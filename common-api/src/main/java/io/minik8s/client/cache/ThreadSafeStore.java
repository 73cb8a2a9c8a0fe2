package io.minik8s.client.cache;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A concurrent map from keys to objects that keeps secondary indexes up to date (client-go's
 * ThreadSafeStore). Every method is atomic with respect to the others; lists returned are new
 * snapshots, the objects in them are the stored instances and must not be modified. Naming an index
 * that does not exist throws {@link IllegalArgumentException}.
 */
public interface ThreadSafeStore<T> {

  /** Stores the object under the key, replacing any object there. */
  void add(String key, T obj);

  /** Same as {@link #add}: an update replaces the object and re-indexes it. */
  void update(String key, T obj);

  /** Removes the key; no-op if absent. */
  void delete(String key);

  Optional<T> get(String key);

  List<T> list();

  List<String> listKeys();

  /** Replaces the whole content at once; indexes are rebuilt. */
  void replace(Map<String, T> items);

  /** The objects that share an index value with {@code obj} under the named index. */
  List<T> index(String indexName, T obj);

  /** The keys of the objects indexed under {@code indexedValue}. */
  List<String> indexKeys(String indexName, String indexedValue);

  /** Every value present in the named index. */
  List<String> listIndexFuncValues(String indexName);

  /** The objects indexed under {@code indexedValue}. */
  List<T> byIndex(String indexName, String indexedValue);

  Map<String, IndexFunc<T>> indexers();

  /**
   * Adds index functions and indexes the objects already stored under them.
   *
   * @throws IllegalArgumentException if an index of that name exists
   */
  void addIndexers(Map<String, IndexFunc<T>> newIndexers);
}
