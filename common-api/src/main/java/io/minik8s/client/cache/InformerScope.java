package io.minik8s.client.cache;

/**
 * Which objects of a resource an informer holds: all, or those of one namespace, optionally
 * narrowed by label and field selectors (client-go's factory namespace and tweakListOptions).
 *
 * @param namespace null for all namespaces (and for cluster-scoped resources)
 * @param labelSelector null or e.g. "app=web"
 * @param fieldSelector null or e.g. "spec.nodeName=node-1"
 */
public record InformerScope(String namespace, String labelSelector, String fieldSelector) {
  public static final InformerScope ALL = new InformerScope(null, null, null);

  public InformerScope {
    namespace = blankToNull(namespace);
    labelSelector = blankToNull(labelSelector);
    fieldSelector = blankToNull(fieldSelector);
  }

  public static InformerScope namespace(String namespace) {
    return new InformerScope(namespace, null, null);
  }

  public InformerScope withLabelSelector(String selector) {
    return new InformerScope(namespace, selector, fieldSelector);
  }

  public InformerScope withFieldSelector(String selector) {
    return new InformerScope(namespace, labelSelector, selector);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
