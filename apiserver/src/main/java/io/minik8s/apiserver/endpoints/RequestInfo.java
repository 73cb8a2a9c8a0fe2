package io.minik8s.apiserver.endpoints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a request path means (upstream's RequestInfoFactory): a resource request with group,
 * version, namespace, resource, name, subresource and verb, or a non-resource path.
 *
 * @param resourceRequest whether the path addresses a resource
 * @param verb get, list, watch, create, update, patch, delete, deletecollection (resource requests)
 *     or the lower-case HTTP method
 * @param group API group ("" for /api)
 * @param version API version
 * @param namespace the namespace, or "" for cluster-wide
 * @param resource plural resource name
 * @param name object name, or ""
 * @param subresource subresource name, or ""
 */
public record RequestInfo(
    boolean resourceRequest,
    String path,
    String verb,
    String group,
    String version,
    String namespace,
    String resource,
    String name,
    String subresource) {

  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /** Parses a request; {@code watchParam} is the ?watch query flag. */
  public static RequestInfo parse(String method, String path, boolean watchParam) {
    List<String> parts = new ArrayList<>(Arrays.asList(path.replaceAll("^/+|/+$", "").split("/")));
    String httpVerb = method.toLowerCase();
    RequestInfo nonResource =
        new RequestInfo(false, path, httpVerb, "", "", "", "", "", "");
    if (parts.isEmpty() || parts.get(0).isEmpty()) {
      return nonResource;
    }
    String group;
    String version;
    int minParts;
    if (parts.get(0).equals("api")) {
      if (parts.size() < 3) {
        return nonResource;
      }
      group = "";
      version = parts.get(1);
      parts = parts.subList(2, parts.size());
    } else if (parts.get(0).equals("apis")) {
      if (parts.size() < 4) {
        return nonResource;
      }
      group = parts.get(1);
      version = parts.get(2);
      parts = parts.subList(3, parts.size());
    } else {
      return nonResource;
    }
    minParts = 1;
    boolean legacyWatch = false;
    if (parts.get(0).equals("watch")) {
      legacyWatch = true;
      parts = parts.subList(1, parts.size());
      if (parts.size() < minParts) {
        return nonResource;
      }
    }
    String namespace = "";
    if (parts.get(0).equals("namespaces") && parts.size() > 1) {
      namespace = parts.get(1);
      if (parts.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(parts.get(2))) {
        parts = parts.subList(2, parts.size());
      }
    }
    String resource = parts.get(0);
    String name = parts.size() > 1 ? parts.get(1) : "";
    String subresource = parts.size() > 2 ? parts.get(2) : "";
    if (parts.size() > 3) {
      return nonResource;
    }
    if (resource.equals("namespaces") && !namespace.isEmpty()) {
      // /api/v1/namespaces/{name}[/status|/finalize] addresses the namespace object itself
      name = namespace;
      namespace = "";
    }
    String verb =
        switch (httpVerb) {
          case "get", "head" -> name.isEmpty() ? (watchParam || legacyWatch ? "watch" : "list")
              : (legacyWatch ? "watch" : "get");
          case "post" -> "create";
          case "put" -> "update";
          case "patch" -> "patch";
          case "delete" -> name.isEmpty() ? "deletecollection" : "delete";
          default -> httpVerb;
        };
    return new RequestInfo(true, path, verb, group, version, namespace, resource, name, subresource);
  }
}
