package io.minik8s.apiserver.endpoints.table;

import io.minik8s.api.ApiException;
import io.minik8s.apiserver.http.ApiRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A client's request for a Table instead of the object: what its Accept header asked for ({@code
 * application/json;as=Table;v=v1;g=meta.k8s.io}, as kubectl sends for get, list and watch) and its
 * {@code includeObject} query parameter (upstream's TableOptions).
 *
 * @param version the meta.k8s.io version asked for, "v1" or "v1beta1" (same shape)
 * @param yaml whether the Table is wanted as YAML rather than JSON
 * @param includeObject what each row carries
 */
public record TableRequest(String version, boolean yaml, IncludeObject includeObject) {

  /** What a row's {@code object} holds (upstream's IncludeObjectPolicy). */
  public enum IncludeObject {
    /** The object's metadata as a PartialObjectMetadata (the default). */
    METADATA,
    /** The whole object. */
    OBJECT,
    /** Nothing ({@code "object":null}). */
    NONE
  }

  /**
   * Negotiates as upstream: Accept clauses by preference (q, then specificity, then order), the
   * first that names something this server serves wins. A Table clause wins if it is for
   * meta.k8s.io v1 or v1beta1 in JSON or YAML; other transformations ({@code as=...}) are not
   * served and are skipped; a plain media type means "the object itself" (empty).
   *
   * @throws ApiException 400 for an includeObject value upstream rejects
   */
  public static Optional<TableRequest> negotiate(ApiRequest request) {
    String accept = request.header("Accept");
    if (accept == null || !accept.contains("as=")) {
      return Optional.empty(); // the common case, without parsing
    }
    for (Clause clause : clauses(accept)) {
      String as = clause.params().get("as");
      if (as == null) {
        if (clause.servesPlain()) {
          return Optional.empty();
        }
        continue;
      }
      String version = clause.params().get("v");
      if (as.equals("Table")
          && "meta.k8s.io".equals(clause.params().get("g"))
          && ("v1".equals(version) || "v1beta1".equals(version))
          && (clause.isJson() || clause.isYaml())) {
        return Optional.of(
            new TableRequest(version, clause.isYaml() && !clause.isJson(), includeObject(request)));
      }
    }
    return Optional.empty();
  }

  /** The Content-Type of the answer, e.g. {@code application/json;as=Table;v=v1;g=meta.k8s.io}. */
  public String contentType() {
    return (yaml ? "application/yaml" : "application/json")
        + ";as=Table;v="
        + version
        + ";g=meta.k8s.io";
  }

  private static IncludeObject includeObject(ApiRequest request) {
    String value = request.param("includeObject");
    if (value == null || value.isEmpty() || value.equals("Metadata")) {
      return IncludeObject.METADATA;
    }
    if (value.equals("Object")) {
      return IncludeObject.OBJECT;
    }
    if (value.equals("None")) {
      return IncludeObject.NONE;
    }
    throw ApiException.badRequest(
        "Unable to convert to Table as requested: includeObject: Invalid value: \""
            + value
            + "\": must be 'Metadata', 'Object', 'None', or empty");
  }

  /** One media range of an Accept header. */
  private record Clause(String type, String subtype, Map<String, String> params, double q) {
    boolean isJson() {
      return matches("application", "json");
    }

    boolean isYaml() {
      return matches("application", "yaml");
    }

    /** Whether a clause without a transformation names a media type the server answers in. */
    boolean servesPlain() {
      return isJson() || isYaml() || matches("application", "vnd.kubernetes.protobuf");
    }

    private boolean matches(String t, String s) {
      return (type.equals(t) || type.equals("*")) && (subtype.equals(s) || subtype.equals("*"));
    }

    int wildcards() {
      return (type.equals("*") ? 2 : 0) + (subtype.equals("*") ? 1 : 0);
    }
  }

  private static List<Clause> clauses(String header) {
    List<Clause> clauses = new ArrayList<>();
    for (String range : header.split(",")) {
      String[] parts = range.split(";");
      String media = parts[0].trim().toLowerCase(Locale.ROOT);
      int slash = media.indexOf('/');
      if (slash <= 0) {
        continue;
      }
      Map<String, String> params = new HashMap<>();
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String key = parts[i].substring(0, eq).trim();
        String value = parts[i].substring(eq + 1).trim().replace("\"", "");
        if (key.equals("q")) {
          q = parseQ(value);
        } else {
          params.put(key, value);
        }
      }
      if (q > 0) { // q=0 is "not acceptable" (RFC 9110)
        clauses.add(new Clause(media.substring(0, slash), media.substring(slash + 1), params, q));
      }
    }
    // stable: equal preference keeps the client's order
    clauses.sort(
        Comparator.comparingDouble((Clause c) -> -c.q()).thenComparingInt(Clause::wildcards));
    return clauses;
  }

  private static double parseQ(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return 0; // goautoneg reads an unparseable weight as 0
    }
  }
}
