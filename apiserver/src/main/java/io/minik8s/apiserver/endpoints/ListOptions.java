package io.minik8s.apiserver.endpoints;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.api.selector.FieldSelector;
import io.minik8s.api.selector.LabelSelector;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.storage.ListRequest;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A list or watch request's query parameters (upstream's metav1.ListOptions), parsed and checked.
 */
public record ListOptions(
    String resourceVersion,
    String resourceVersionMatch,
    long limit,
    String continueToken,
    Predicate<HasMetadata> predicate,
    Map<String, String> indexHints,
    boolean allowWatchBookmarks,
    Long timeoutSeconds,
    Boolean sendInitialEvents) {

  public static ListOptions parse(ApiRequest request, ResourceType type) {
    String rv = emptyToNull(request.param("resourceVersion"));
    String match = emptyToNull(request.param("resourceVersionMatch"));
    String cont = emptyToNull(request.param("continue"));
    long limit = parseLong(request.param("limit"), "limit");
    Long timeout = request.param("timeoutSeconds") == null
        ? null : parseLong(request.param("timeoutSeconds"), "timeoutSeconds");
    if (rv != null && !rv.equals("0")) {
      parseLong(rv, "resourceVersion");
    }
    if (match != null && !match.equals("NotOlderThan") && !match.equals("Exact")) {
      throw ApiException.badRequest("resourceVersionMatch: Unsupported value: \"" + match
          + "\": supported values: \"Exact\", \"NotOlderThan\"");
    }
    Boolean sendInitial = request.param("sendInitialEvents") == null
        ? null : request.flag("sendInitialEvents");
    // a streaming list (sendInitialEvents) names NotOlderThan without a resourceVersion
    if (match != null && rv == null && sendInitial == null) {
      throw ApiException.badRequest(
          "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless"
              + " resourceVersion is provided");
    }
    if ("Exact".equals(match) && "0".equals(rv)) {
      throw ApiException.badRequest(
          "resourceVersionMatch: Forbidden: resourceVersionMatch \"exact\" is forbidden for"
              + " resourceVersion \"0\"");
    }
    if (cont != null && rv != null && !rv.equals("0")) {
      throw ApiException.badRequest(
          "specifying resource version is not allowed when using continue");
    }
    Predicate<HasMetadata> predicate = ListRequest.EVERYTHING;
    Map<String, String> hints = Map.of();
    String labels = emptyToNull(request.param("labelSelector"));
    if (labels != null) {
      LabelSelector selector;
      try {
        selector = LabelSelector.parse(labels);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
      Predicate<HasMetadata> byLabels = o -> selector.matches(labelsOf(o));
      predicate = byLabels;
    }
    String fields = emptyToNull(request.param("fieldSelector"));
    if (fields != null) {
      FieldSelector selector;
      try {
        selector = FieldSelector.parse(fields);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
      for (var requirement : selector.requirements()) {
        if (!type.isSelectableField(requirement.field())) {
          throw ApiException.badRequest(
              "field label not supported: " + requirement.field());
        }
      }
      Predicate<HasMetadata> byFields = o -> selector.matches(type.fieldsOf(o));
      predicate = predicate == ListRequest.EVERYTHING ? byFields : predicate.and(byFields);
      hints = selector.exactMatches();
    }
    return new ListOptions(rv, match, limit, cont, predicate, hints,
        request.flag("allowWatchBookmarks"), timeout, sendInitial);
  }

  public ListRequest toListRequest() {
    return new ListRequest(resourceVersion, resourceVersionMatch, limit, continueToken, predicate,
        indexHints);
  }

  static Map<String, String> labelsOf(HasMetadata o) {
    Map<String, String> labels = o.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static long parseLong(String value, String name) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      long v = Long.parseLong(value);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      if (name.equals("resourceVersion")) {
        throw ApiException.badRequest("invalid resource version: " + value);
      }
      throw ApiException.badRequest(name + ": Invalid value: \"" + value
          + "\": must be a non-negative integer");
    }
  }
}
