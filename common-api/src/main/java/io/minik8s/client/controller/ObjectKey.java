package io.minik8s.client.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The key of one object, {@code namespace/name} or just {@code name} for cluster-scoped objects:
 * the same string as the informer caches' keys (client-go's MetaNamespaceKeyFunc).
 *
 * @param namespace null for cluster-scoped objects (an empty namespace is taken as null)
 * @param name never empty
 */
public record ObjectKey(String namespace, String name) {

  public ObjectKey {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an object key needs a name");
    }
    if (namespace != null && namespace.isEmpty()) {
      namespace = null;
    }
  }

  /** A cluster-scoped object's key. */
  public static ObjectKey of(String name) {
    return new ObjectKey(null, name);
  }

  /** The key of an object, from its metadata. */
  public static ObjectKey of(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    return new ObjectKey(meta.getNamespace(), meta.getName());
  }

  /**
   * Parses "namespace/name" or "name" (client-go's SplitMetaNamespaceKey).
   *
   * @throws IllegalArgumentException for any other shape
   */
  public static ObjectKey parse(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return new ObjectKey(null, key);
    }
    if (key.indexOf('/', slash + 1) >= 0 || slash == 0) {
      throw new IllegalArgumentException("unexpected key format: \"" + key + "\"");
    }
    return new ObjectKey(key.substring(0, slash), key.substring(slash + 1));
  }

  /** "namespace/name", or "name" for cluster-scoped objects. */
  public String format() {
    return namespace == null ? name : namespace + "/" + name;
  }

  @Override
  public String toString() {
    return format();
  }
}
