package io.minik8s.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One served resource: group/version/resource, its kind and Java types, scope, short names,
 * categories, subresources, the fields its field selectors may name and where it lives in etcd.
 *
 * @param group API group, "" for the core group
 * @param version API version, e.g. "v1"
 * @param resource plural resource name as in URLs, e.g. "pods"
 * @param singular singular name, e.g. "pod"
 * @param kind the kind, e.g. "Pod"
 * @param type the Java class of one object
 * @param listType the Java class of its list; null for create-only resources such as bindings
 * @param namespaced whether objects live in namespaces
 * @param shortNames kubectl short names, e.g. "po"
 * @param categories discovery categories, e.g. "all"
 * @param subresources served subresources, e.g. "status"
 * @param etcdResource the path below the etcd prefix, e.g. "minions" for nodes or
 *     "services/specs" for services (upstream's layout)
 * @param selectableFields the resource-specific fields a field selector may name (beyond
 *     metadata.name and metadata.namespace), each with its value extractor; unset maps to ""
 */
public record ResourceType(
    String group,
    String version,
    String resource,
    String singular,
    String kind,
    Class<? extends HasMetadata> type,
    Class<? extends KubernetesResourceList<?>> listType,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    List<String> subresources,
    String etcdResource,
    Map<String, Function<HasMetadata, String>> selectableFields) {

  public ResourceType {
    Objects.requireNonNull(group);
    Objects.requireNonNull(version);
    Objects.requireNonNull(resource);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(type);
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    subresources = List.copyOf(subresources);
    Objects.requireNonNull(etcdResource);
    selectableFields = Map.copyOf(selectableFields);
  }

  /** "v1" for the core group, "apps/v1" otherwise: the apiVersion objects carry. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The verbs served, as discovery lists them. */
  public List<String> verbs() {
    if (listType == null) {
      return List.of("create");
    }
    return List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  }

  /** The kind of this resource's list, e.g. "PodList". */
  public String listKind() {
    return kind + "List";
  }

  /** The URL prefix of the group version: "/api/v1" or "/apis/apps/v1". */
  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /**
   * The etcd key of one object, as upstream: {@code <prefix>/<etcdResource>/<ns>/<name>} for
   * namespaced and {@code <prefix>/<etcdResource>/<name>} for cluster-scoped resources.
   */
  public String etcdKey(String prefix, String namespace, String name) {
    return namespaced
        ? prefix + "/" + etcdResource + "/" + namespace + "/" + name
        : prefix + "/" + etcdResource + "/" + name;
  }

  /**
   * The etcd prefix (ending in '/') under which all objects, or those of one namespace, live.
   *
   * @param namespace null or empty for all namespaces
   */
  public String etcdPrefix(String prefix, String namespace) {
    if (namespaced && namespace != null && !namespace.isEmpty()) {
      return prefix + "/" + etcdResource + "/" + namespace + "/";
    }
    return prefix + "/" + etcdResource + "/";
  }

  /** Whether the named subresource is served, e.g. "status". */
  public boolean hasSubresource(String name) {
    return subresources.contains(name);
  }

  /**
   * All field values a field selector may name for this object: metadata.name, metadata.namespace
   * (namespaced resources) and the resource's own selectable fields.
   */
  public Map<String, String> fieldsOf(HasMetadata object) {
    Map<String, String> fields = new HashMap<>();
    selectableFields.forEach((name, extractor) -> fields.put(name, nz(extractor.apply(object))));
    fields.put("metadata.name", nz(object.getMetadata().getName()));
    if (namespaced) {
      fields.put("metadata.namespace", nz(object.getMetadata().getNamespace()));
    }
    return fields;
  }

  /** Whether a field selector may name this field on this resource. */
  public boolean isSelectableField(String field) {
    return field.equals("metadata.name")
        || (namespaced && field.equals("metadata.namespace"))
        || selectableFields.containsKey(field);
  }

  static String nz(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
