package io.minik8s.apiserver.endpoints.openapi;

import java.util.Set;

/**
 * Upstream's definition names for the model classes ({@code io.k8s.api.core.v1.Pod},
 * {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}, ...): the fabric8 package names the
 * group and version, except in its core package, which holds both core/v1 and meta/v1 types.
 */
final class ModelNames {
  static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  static final String TIME = META + "Time";
  static final String MICRO_TIME = META + "MicroTime";
  static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";

  private static final String FABRIC8 = "io.fabric8.kubernetes.api.model";
  /** The classes of fabric8's core package that are meta/v1 types upstream. */
  private static final Set<String> META_TYPES = Set.of(
      "APIGroup", "APIGroupList", "APIResource", "APIResourceList", "APIVersions", "Condition",
      "CreateOptions", "DeleteOptions", "FieldsV1", "GetOptions", "GroupKind", "GroupVersionKind",
      "GroupVersionForDiscovery", "GroupVersionResource", "LabelSelector",
      "LabelSelectorRequirement", "ListMeta", "ListOptions", "ManagedFieldsEntry", "MicroTime",
      "ObjectMeta", "OwnerReference", "Patch", "PatchOptions", "Preconditions", "RootPaths",
      "ServerAddressByClientCIDR", "ShardInfo", "Status", "StatusCause", "StatusDetails", "Time",
      "TypeMeta", "UpdateOptions", "WatchEvent");

  private ModelNames() {}

  /** The upstream definition name of a model class. */
  static String of(Class<?> type) {
    String pkg = type.getPackageName();
    String name = type.getSimpleName();
    if (pkg.equals(FABRIC8)) {
      return (META_TYPES.contains(name) ? META : "io.k8s.api.core.v1.") + name;
    }
    if (pkg.equals(FABRIC8 + ".runtime")) {
      return "io.k8s.apimachinery.pkg.runtime." + name;
    }
    if (pkg.equals(FABRIC8 + ".apps")) {
      return "io.k8s.api.apps.v1." + name;
    }
    if (pkg.startsWith(FABRIC8 + ".")) {
      // io.fabric8.kubernetes.api.model.<group>.<version>
      return "io.k8s.api." + pkg.substring(FABRIC8.length() + 1) + "." + name;
    }
    throw new IllegalArgumentException("not a model class: " + type.getName());
  }

  /**
   * Whether a string property holds a meta/v1 Time (the model maps Time to String): upstream's
   * timestamps all end in "Time" or "Timestamp", or are a container state's startedAt/finishedAt.
   */
  static boolean isTime(String property) {
    return property.endsWith("Time") || property.endsWith("Timestamp")
        || property.equals("startedAt") || property.equals("finishedAt");
  }
}
