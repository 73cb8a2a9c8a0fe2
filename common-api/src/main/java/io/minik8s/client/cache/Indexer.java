package io.minik8s.client.cache;

import java.util.List;
import java.util.Map;

/**
 * A {@link Store} with named secondary indexes (client-go's Indexer): e.g. {@link
 * Cache#NAMESPACE_INDEX} answers "every object in namespace x" without a scan, and a custom index
 * such as {@link Cache#NODE_NAME_INDEX} answers "every Pod bound to node y". Lists returned are new
 * snapshots of the shared, read-only stored objects. Naming an index that does not exist throws
 * {@link IllegalArgumentException}.
 */
public interface Indexer<T> extends Store<T> {

  /** The objects that share an index value with {@code obj} under the named index. */
  List<T> index(String indexName, T obj);

  /** The keys of the objects indexed under {@code indexedValue}. */
  List<String> indexKeys(String indexName, String indexedValue);

  /** Every value present in the named index. */
  List<String> listIndexFuncValues(String indexName);

  /** The objects indexed under {@code indexedValue}, e.g. byIndex(NAMESPACE_INDEX, "default"). */
  List<T> byIndex(String indexName, String indexedValue);

  Map<String, IndexFunc<T>> indexers();

  /**
   * Adds index functions; objects already stored are indexed at once.
   *
   * @throws IllegalArgumentException if an index of that name exists
   */
  void addIndexers(Map<String, IndexFunc<T>> newIndexers);
}
