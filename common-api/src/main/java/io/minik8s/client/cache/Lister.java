package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Reads an informer's cache by namespace and name (client-go's generic lister), e.g. a reconciler
 * re-reading the latest state of the key it was handed. The objects are the cache's read-only
 * instances.
 */
public final class Lister<T extends HasMetadata> {
  private final Indexer<T> indexer;

  public Lister(Indexer<T> indexer) {
    this.indexer = indexer;
  }

  /** Every cached object. */
  public List<T> list() {
    return indexer.list();
  }

  /** The objects of one namespace, through the namespace index. */
  public List<T> list(String namespace) {
    return indexer.byIndex(Cache.NAMESPACE_INDEX, namespace == null ? "" : namespace);
  }

  /** The object of that namespace (null for cluster-scoped) and name, if cached. */
  public Optional<T> get(String namespace, String name) {
    return indexer.getByKey(
        namespace == null || namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
