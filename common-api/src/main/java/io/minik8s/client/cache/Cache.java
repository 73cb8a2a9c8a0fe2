package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The {@link Indexer} of informers (client-go's cache type): computes each object's key with a key
 * function and keeps it in a {@link ThreadSafeStore}. Also holds client-go's package-level helpers:
 * the namespace/name key, the namespace index and waiting for caches to sync.
 */
public final class Cache<T> implements Indexer<T> {
  /** The name of the index by metadata.namespace (client-go's cache.NamespaceIndex). */
  public static final String NAMESPACE_INDEX = "namespace";

  /** The name of the Pods-by-spec.nodeName index that {@link #podNodeNameIndexFunc} computes. */
  public static final String NODE_NAME_INDEX = "spec.nodeName";

  private static final long SYNC_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Function<? super T, String> keyFunc;
  private final ThreadSafeStore<T> store;

  public Cache(Function<? super T, String> keyFunc, Map<String, IndexFunc<T>> indexers) {
    this.keyFunc = keyFunc;
    this.store = new ThreadSafeMap<>(indexers);
  }

  /** A cache keyed by namespace/name with the namespace index. */
  public static <T extends HasMetadata> Cache<T> withNamespaceIndex() {
    return new Cache<>(Cache::metaNamespaceKey, Map.of(NAMESPACE_INDEX, namespaceIndexFunc()));
  }

  /** "namespace/name", or "name" for cluster-scoped objects (client-go's MetaNamespaceKeyFunc). */
  public static String metaNamespaceKey(HasMetadata obj) {
    ObjectMeta meta = obj.getMetadata();
    String namespace = meta.getNamespace();
    return namespace == null || namespace.isEmpty()
        ? meta.getName()
        : namespace + "/" + meta.getName();
  }

  /** Indexes objects by metadata.namespace (client-go's MetaNamespaceIndexFunc). */
  public static <T extends HasMetadata> IndexFunc<T> namespaceIndexFunc() {
    return obj -> {
      String namespace = obj.getMetadata().getNamespace();
      return namespace == null ? List.of("") : List.of(namespace);
    };
  }

  /** Indexes Pods by spec.nodeName; Pods not yet bound are left out, as upstream's indexers do. */
  public static IndexFunc<Pod> podNodeNameIndexFunc() {
    return pod -> {
      String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      return node == null || node.isEmpty() ? List.of() : List.of(node);
    };
  }

  /**
   * Waits until every condition holds (client-go's WaitForCacheSync), checking every 100 ms.
   *
   * @return false if the timeout passed first (or the thread was interrupted)
   */
  public static boolean waitForCacheSync(Duration timeout, BooleanSupplier... synced) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean all = true;
      for (BooleanSupplier s : synced) {
        all &= s.getAsBoolean();
      }
      if (all) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        return false;
      }
      LockSupport.parkNanos(Math.min(left, SYNC_POLL_NANOS));
    }
  }

  /** The key of an object under this cache's key function. */
  public String keyOf(T obj) {
    return keyFunc.apply(obj);
  }

  @Override
  public void add(T obj) {
    store.add(keyOf(obj), obj);
  }

  @Override
  public void update(T obj) {
    store.update(keyOf(obj), obj);
  }

  @Override
  public void delete(T obj) {
    store.delete(keyOf(obj));
  }

  @Override
  public List<T> list() {
    return store.list();
  }

  @Override
  public List<String> listKeys() {
    return store.listKeys();
  }

  @Override
  public Optional<T> get(T obj) {
    return store.get(keyOf(obj));
  }

  @Override
  public Optional<T> getByKey(String key) {
    return store.get(key);
  }

  @Override
  public void replace(List<T> list, String resourceVersion) {
    Map<String, T> items = new HashMap<>();
    list.forEach(obj -> items.put(keyOf(obj), obj));
    store.replace(items);
  }

  @Override
  public void resync() {
    // nothing is queued in a plain cache, so there is nothing to process again
  }

  @Override
  public List<T> index(String indexName, T obj) {
    return store.index(indexName, obj);
  }

  @Override
  public List<String> indexKeys(String indexName, String indexedValue) {
    return store.indexKeys(indexName, indexedValue);
  }

  @Override
  public List<String> listIndexFuncValues(String indexName) {
    return store.listIndexFuncValues(indexName);
  }

  @Override
  public List<T> byIndex(String indexName, String indexedValue) {
    return store.byIndex(indexName, indexedValue);
  }

  @Override
  public Map<String, IndexFunc<T>> indexers() {
    return store.indexers();
  }

  @Override
  public void addIndexers(Map<String, IndexFunc<T>> newIndexers) {
    store.addIndexers(newIndexers);
  }
}
