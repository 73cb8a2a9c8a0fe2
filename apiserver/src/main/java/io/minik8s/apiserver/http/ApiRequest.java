package io.minik8s.apiserver.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request, fully read.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path, without query
 * @param query query parameters (decoded)
 * @param headers request headers
 * @param body the body bytes (empty if none)
 */
public record ApiRequest(
    String method, String path, Map<String, List<String>> query, HttpHeaders headers, byte[] body) {

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public boolean flag(String name) {
    String v = param(name);
    return v != null && (v.equals("true") || v.equals("1"));
  }

  public String header(String name) {
    return headers.get(name);
  }
}
