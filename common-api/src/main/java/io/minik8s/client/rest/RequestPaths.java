package io.minik8s.client.rest;

import io.minik8s.api.ResourceType;
import io.minik8s.client.ListOptions;
import io.minik8s.client.LogOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The REST paths and query strings of the API (pure functions): {@code /api/v1} for the core group
 * and {@code /apis/{group}/{version}} otherwise, {@code namespaces/{ns}/} before namespaced
 * resources, and query parameters sorted by name as Go's url.Values encodes them.
 */
public final class RequestPaths {
  private RequestPaths() {}

  /**
   * The collection: {@code /api/v1/namespaces/ns/pods}, or {@code /api/v1/pods} for all namespaces
   * (null namespace) and cluster-scoped resources.
   */
  public static String collection(ResourceType type, String namespace) {
    StringBuilder path = new StringBuilder(type.groupVersionPath());
    if (type.namespaced() && namespace != null && !namespace.isEmpty()) {
      path.append("/namespaces/").append(segment(namespace, "namespace"));
    }
    return path.append('/').append(type.resource()).toString();
  }

  /** One object: {@code /apis/apps/v1/namespaces/ns/deployments/web}. */
  public static String item(ResourceType type, String namespace, String name) {
    if (type.namespaced() && (namespace == null || namespace.isEmpty())) {
      throw new IllegalArgumentException(
          "namespace required for " + type.resource() + " \"" + name + "\"");
    }
    return collection(type, namespace) + "/" + segment(name, "name");
  }

  /** A subresource of one object: {@code .../pods/p1/status}. */
  public static String subresource(
      ResourceType type, String namespace, String name, String subresource) {
    return item(type, namespace, name) + "/" + segment(subresource, "subresource");
  }

  /** The query of a list (watch false) or watch (watch true), "" when nothing is set. */
  public static String query(ListOptions options, boolean watch) {
    Map<String, String> q = new TreeMap<>();
    ListOptions o = options == null ? ListOptions.NONE : options;
    putIfSet(q, "labelSelector", o.labelSelector());
    putIfSet(q, "fieldSelector", o.fieldSelector());
    putIfSet(q, "resourceVersion", o.resourceVersion());
    putIfSet(q, "resourceVersionMatch", o.resourceVersionMatch());
    putIfSet(q, "continue", o.continueToken());
    if (o.limit() > 0) {
      q.put("limit", Long.toString(o.limit()));
    }
    if (o.timeoutSeconds() > 0) {
      q.put("timeoutSeconds", Long.toString(o.timeoutSeconds()));
    }
    if (o.allowWatchBookmarks()) {
      q.put("allowWatchBookmarks", "true");
    }
    if (watch) {
      q.put("watch", "true");
    }
    return encode(q);
  }

  /** The query of {@code pods/log}. */
  public static String query(LogOptions options) {
    Map<String, String> q = new TreeMap<>();
    LogOptions o = options == null ? LogOptions.NONE : options;
    putIfSet(q, "container", o.container());
    if (o.follow()) {
      q.put("follow", "true");
    }
    if (o.previous()) {
      q.put("previous", "true");
    }
    if (o.timestamps()) {
      q.put("timestamps", "true");
    }
    if (o.tailLines() != null) {
      q.put("tailLines", o.tailLines().toString());
    }
    if (o.sinceSeconds() != null) {
      q.put("sinceSeconds", o.sinceSeconds().toString());
    }
    if (o.limitBytes() != null) {
      q.put("limitBytes", o.limitBytes().toString());
    }
    return encode(q);
  }

  /** "?k=v&..." with keys in the map's order and values form-encoded; "" for no parameters. */
  public static String encode(Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    parameters.forEach(
        (k, v) ->
            s.append(s.length() == 0 ? '?' : '&')
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return s.toString();
  }

  private static void putIfSet(Map<String, String> q, String key, String value) {
    if (value != null && !value.isEmpty()) {
      q.put(key, value);
    }
  }

  /**
   * One path segment, rejected as client-go's IsValidPathSegmentName does when it is empty, "." or
   * "..", or holds '/' or '%', since the server would route it elsewhere.
   */
  static String segment(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " may not be empty");
    }
    if (value.equals(".") || value.equals("..") || value.contains("/") || value.contains("%")) {
      throw new IllegalArgumentException(
          what + " may not be '.', '..' or contain '/' or '%': " + value);
    }
    StringBuilder s = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c)) {
        s.append(c);
      } else {
        s.append('%')
            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return s.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~:@".indexOf(c) >= 0;
  }
}
