package io.minik8s.apiserver.endpoints;

import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Discovery documents, legacy (APIVersions, APIGroupList, APIGroup, APIResourceList) and
 * aggregated (apidiscovery.k8s.io/v2 APIGroupDiscoveryList), built once from the registry.
 */
public final class Discovery {
  /** The media type of aggregated discovery responses. */
  public static final String AGGREGATED =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  /** Subresources served so far; the registry lists those later issues add too. */
  static final Set<String> SERVED_SUBRESOURCES =
      Set.of("status", "binding", "finalize", "scale", "eviction");

  private static final List<String> SUB_VERBS = List.of("get", "patch", "update");

  private final ResourceRegistry types;

  public Discovery(ResourceRegistry types) {
    this.types = types;
  }

  /** Whether the client asked for aggregated discovery in its Accept header. */
  public static boolean wantsAggregated(String accept) {
    return accept != null && accept.contains("as=APIGroupDiscoveryList")
        && accept.contains("g=apidiscovery.k8s.io") && accept.contains("v=v2");
  }

  public Map<String, Object> apiVersions(String serverAddress) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "APIVersions");
    doc.put("versions", types.versions(""));
    doc.put("serverAddressByClientCIDRs",
        List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", serverAddress)));
    return doc;
  }

  public Map<String, Object> groupList() {
    List<Object> groups = new ArrayList<>();
    for (String g : types.groups()) {
      if (!g.isEmpty()) {
        groups.add(groupBody(g));
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "APIGroupList");
    doc.put("apiVersion", "v1");
    doc.put("groups", groups);
    return doc;
  }

  /** The APIGroup document of a group, or null if the group is not served. */
  public Map<String, Object> group(String group) {
    if (group.isEmpty() || !types.groups().contains(group)) {
      return null;
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "APIGroup");
    doc.put("apiVersion", "v1");
    doc.putAll(groupBody(group));
    return doc;
  }

  private Map<String, Object> groupBody(String group) {
    List<Object> versions = new ArrayList<>();
    for (String v : types.versions(group)) {
      versions.add(Map.of("groupVersion", group + "/" + v, "version", v));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", group);
    body.put("versions", versions);
    body.put("preferredVersion", versions.get(0));
    return body;
  }

  /** The APIResourceList of a group version, or null if not served. */
  public Map<String, Object> resourceList(String group, String version) {
    List<ResourceType> served = types.inGroupVersion(group, version);
    if (served.isEmpty()) {
      return null;
    }
    List<Object> resources = new ArrayList<>();
    for (ResourceType t : served) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", t.resource());
      r.put("singularName", t.singular());
      r.put("namespaced", t.namespaced());
      r.put("kind", t.kind());
      r.put("verbs", t.verbs());
      if (!t.shortNames().isEmpty()) {
        r.put("shortNames", t.shortNames());
      }
      if (!t.categories().isEmpty()) {
        r.put("categories", t.categories());
      }
      resources.add(r);
      for (String sub : t.subresources()) {
        if (!SERVED_SUBRESOURCES.contains(sub)) {
          continue;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", t.resource() + "/" + sub);
        s.put("singularName", "");
        s.put("namespaced", t.namespaced());
        String[] gvk = subGroupVersionKind(t, sub);
        if (!gvk[0].equals(t.group()) || !gvk[1].equals(t.version())) {
          s.put("group", gvk[0]);
          s.put("version", gvk[1]);
        }
        s.put("kind", gvk[2]);
        s.put("verbs", subVerbs(sub));
        resources.add(s);
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "APIResourceList");
    doc.put("apiVersion", "v1");
    doc.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    doc.put("resources", resources);
    return doc;
  }

  /** The aggregated document of /api (core only) or /apis (every named group). */
  public Map<String, Object> aggregated(boolean core) {
    List<Object> items = new ArrayList<>();
    for (String g : types.groups()) {
      if (g.isEmpty() != core) {
        continue;
      }
      List<Object> versions = new ArrayList<>();
      for (String v : types.versions(g)) {
        List<Object> resources = new ArrayList<>();
        for (ResourceType t : types.inGroupVersion(g, v)) {
          resources.add(aggregatedResource(t));
        }
        versions.add(Map.of("version", v, "resources", resources, "freshness", "Current"));
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("metadata", g.isEmpty() ? Map.of() : Map.of("name", g));
      item.put("versions", versions);
      items.add(item);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "APIGroupDiscoveryList");
    doc.put("apiVersion", "apidiscovery.k8s.io/v2");
    doc.put("metadata", Map.of());
    doc.put("items", items);
    return doc;
  }

  private Map<String, Object> aggregatedResource(ResourceType t) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("resource", t.resource());
    r.put("responseKind", Map.of("group", t.group(), "version", t.version(), "kind", t.kind()));
    r.put("scope", t.namespaced() ? "Namespaced" : "Cluster");
    r.put("singularResource", t.singular());
    r.put("verbs", t.verbs());
    if (!t.shortNames().isEmpty()) {
      r.put("shortNames", t.shortNames());
    }
    if (!t.categories().isEmpty()) {
      r.put("categories", t.categories());
    }
    List<Object> subs = new ArrayList<>();
    for (String sub : t.subresources()) {
      if (SERVED_SUBRESOURCES.contains(sub)) {
        subs.add(Map.of(
            "subresource", sub,
            "responseKind", Map.of("group", subGroupVersionKind(t, sub)[0],
                "version", subGroupVersionKind(t, sub)[1], "kind", subGroupVersionKind(t, sub)[2]),
            "verbs", subVerbs(sub)));
      }
    }
    if (!subs.isEmpty()) {
      r.put("subresources", subs);
    }
    return r;
  }

  /** The group, version and kind a subresource speaks (Scale is autoscaling/v1, ...). */
  private static String[] subGroupVersionKind(ResourceType t, String sub) {
    return switch (sub) {
      case "binding" -> new String[] {t.group(), t.version(), "Binding"};
      case "scale" -> new String[] {"autoscaling", "v1", "Scale"};
      case "eviction" -> new String[] {"policy", "v1", "Eviction"};
      default -> new String[] {t.group(), t.version(), t.kind()};
    };
  }

  private static List<String> subVerbs(String sub) {
    return switch (sub) {
      case "binding", "eviction" -> List.of("create");
      case "finalize" -> List.of("update");
      default -> SUB_VERBS;
    };
  }
}
