package io.minik8s.apiserver.endpoints.openapi;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.endpoints.openapi.ApiPath.Operation;
import io.minik8s.apiserver.endpoints.openapi.ApiPath.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REST paths of one group version with upstream's operations: list, create and
 * deletecollection on collections, read, replace, patch and delete on objects, the
 * all-namespaces list, and the served subresources (status, scale, binding, eviction, finalize).
 */
final class ApiPaths {
  private final String idPrefix;
  private final String tag;
  private final List<ApiPath> paths = new ArrayList<>();

  private ApiPaths(String group, String version) {
    String groupName = group.isEmpty() ? "core" : group.replace(".k8s.io", "");
    StringBuilder id = new StringBuilder();
    StringBuilder tagName = new StringBuilder();
    for (String word : groupName.split("\\.")) {
      id.append(capitalize(word));
      tagName.append(tagName.length() == 0 ? word : capitalize(word));
    }
    this.idPrefix = id + capitalize(version);
    this.tag = tagName + "_" + version;
  }

  /** The paths of the given resources, which all belong to one group version. */
  static List<ApiPath> of(String group, String version, List<ResourceType> resources) {
    ApiPaths paths = new ApiPaths(group, version);
    paths.discovery(resources.get(0).groupVersionPath());
    for (ResourceType type : resources) {
      paths.resource(type);
    }
    return List.copyOf(paths.paths);
  }

  private void discovery(String groupVersionPath) {
    add(groupVersionPath + "/", List.of(), Map.of("get", operation("get",
        "get" + idPrefix + "APIResources", "get available resources",
        gvk("", "v1", "APIResourceList"), List.of(), null, Map.of("200", APIResourceList.class))));
  }

  private void resource(ResourceType type) {
    String kind = type.kind();
    String scope = type.namespaced() ? "Namespaced" : "";
    String base = type.groupVersionPath() + (type.namespaced() ? "/namespaces/{namespace}" : "");
    String collection = base + "/" + type.resource();
    Map<String, String> gvk = gvk(type.group(), type.version(), kind);
    Class<?> object = type.type();
    List<Parameter> common = type.namespaced()
        ? List.of(Parameters.NAMESPACE, Parameters.PRETTY) : List.of(Parameters.PRETTY);
    if (type.listType() == null) {
      // create-only resources (bindings)
      add(collection, common, Map.of("post", create(kind, scope, "", gvk, object)));
      return;
    }
    Map<String, Operation> onCollection = new LinkedHashMap<>();
    onCollection.put("get", operation("list", "list" + idPrefix + scope + kind,
        "list or watch objects of kind " + kind, gvk(type.group(), type.version(),
            type.listKind()), Parameters.LIST, null, Map.of("200", type.listType())));
    onCollection.put("post", create(kind, scope, "", gvk, object));
    List<Parameter> deleteCollection = new ArrayList<>(Parameters.DELETE);
    deleteCollection.addAll(Parameters.LIST);
    onCollection.put("delete", operation("deletecollection",
        "delete" + idPrefix + "Collection" + scope + kind, "delete collection of " + kind, gvk,
        deleteCollection, DeleteOptions.class, Map.of("200", Status.class)));
    add(collection, common, onCollection);

    List<Parameter> itemCommon = new ArrayList<>();
    itemCommon.add(Parameters.name(kind));
    itemCommon.addAll(common);
    String item = collection + "/{name}";
    Map<String, Operation> onItem = new LinkedHashMap<>();
    onItem.put("get", read(kind, scope, "", gvk, object));
    onItem.put("put", replace(kind, scope, "", gvk, object));
    onItem.put("patch", patch(kind, scope, "", gvk, object));
    onItem.put("delete", operation("delete", "delete" + idPrefix + scope + kind,
        "delete a " + kind, gvk, Parameters.DELETE, DeleteOptions.class,
        Map.of("200", Status.class, "202", Status.class)));
    add(item, itemCommon, onItem);

    if (type.namespaced()) {
      add(type.groupVersionPath() + "/" + type.resource(), List.of(Parameters.PRETTY),
          Map.of("get", operation("list", "list" + idPrefix + kind + "ForAllNamespaces",
              "list or watch objects of kind " + kind,
              gvk(type.group(), type.version(), type.listKind()), Parameters.LIST, null,
              Map.of("200", type.listType()))));
    }
    for (String sub : type.subresources()) {
      subresource(type, sub, item + "/" + sub, itemCommon, scope, gvk);
    }
  }

  private void subresource(ResourceType type, String sub, String path, List<Parameter> common,
      String scope, Map<String, String> gvk) {
    String kind = type.kind();
    Map<String, Operation> ops = new LinkedHashMap<>();
    switch (sub) {
      case "status" -> {
        ops.put("get", read(kind, scope, "Status", gvk, type.type()));
        ops.put("put", replace(kind, scope, "Status", gvk, type.type()));
        ops.put("patch", patch(kind, scope, "Status", gvk, type.type()));
      }
      case "scale" -> {
        Map<String, String> scale = gvk("autoscaling", "v1", "Scale");
        ops.put("get", read(kind, scope, "Scale", scale, Scale.class));
        ops.put("put", replace(kind, scope, "Scale", scale, Scale.class));
        ops.put("patch", patch(kind, scope, "Scale", scale, Scale.class));
      }
      case "finalize" -> ops.put("put", replace(kind, scope, "Finalize", gvk, type.type()));
      case "binding" -> ops.put("post",
          create(kind, scope, "Binding", gvk("", "v1", "Binding"), Binding.class));
      case "eviction" -> ops.put("post",
          create(kind, scope, "Eviction", gvk("policy", "v1", "Eviction"), Eviction.class));
      default -> {
        // log, exec, attach, portforward, proxy, token: not described (yet)
        return;
      }
    }
    add(path, common, ops);
  }

  private Operation read(String kind, String scope, String sub, Map<String, String> gvk,
      Class<?> body) {
    return operation("get", "read" + idPrefix + scope + kind + sub,
        "read " + what(sub, kind), gvk, List.of(), null, Map.of("200", body));
  }

  private Operation replace(String kind, String scope, String sub, Map<String, String> gvk,
      Class<?> body) {
    return operation("put", "replace" + idPrefix + scope + kind + sub,
        "replace " + what(sub, kind), gvk, Parameters.WRITE, body,
        Map.of("200", body, "201", body));
  }

  private Operation patch(String kind, String scope, String sub, Map<String, String> gvk,
      Class<?> body) {
    return operation("patch", "patch" + idPrefix + scope + kind + sub,
        "partially update " + what(sub, kind), gvk, Parameters.PATCH, null,
        Map.of("200", body, "201", body));
  }

  private Operation create(String kind, String scope, String sub, Map<String, String> gvk,
      Class<?> body) {
    String description = sub.isEmpty() ? "create a " + kind
        : "create " + sub.toLowerCase(Locale.ROOT) + " of a " + kind;
    return operation("post", "create" + idPrefix + scope + kind + sub, description, gvk,
        Parameters.WRITE, body, Map.of("200", body, "201", body, "202", body));
  }

  private static String what(String sub, String kind) {
    return sub.isEmpty() ? "the specified " + kind
        : sub.toLowerCase(Locale.ROOT) + " of the specified " + kind;
  }

  private Operation operation(String action, String id, String description,
      Map<String, String> gvk, List<Parameter> parameters, Class<?> body,
      Map<String, Class<?>> responses) {
    return new Operation(action, id, description, gvk, parameters, body, responses, tag);
  }

  private void add(String path, List<Parameter> common, Map<String, Operation> operations) {
    paths.add(new ApiPath(path, common, operations));
  }

  static Map<String, String> gvk(String group, String version, String kind) {
    return Map.of("group", group, "version", version, "kind", kind);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
