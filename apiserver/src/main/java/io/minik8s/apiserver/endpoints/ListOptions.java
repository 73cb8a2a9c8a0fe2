package io.minik8s.apiserver.endpoints;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.api.selector.FieldSelector;
import io.minik8s.api.selector.LabelSelector;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.registry.Invalids;
import io.minik8s.apiserver.validation.FieldError;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Parses and validates the query; {@code watch} selects upstream's watch rules. Invalid
   * combinations are a 422 on meta.k8s.io ListOptions, malformed values a 400.
   */
  public static ListOptions parse(ApiRequest request, ResourceType type, boolean watch) {
    String rv = emptyToNull(request.param("resourceVersion"));
    String match = emptyToNull(request.param("resourceVersionMatch"));
    String cont = emptyToNull(request.param("continue"));
    long limit = parseLong(request.param("limit"), "limit");
    Long timeout = request.param("timeoutSeconds") == null
        ? null : parseLong(request.param("timeoutSeconds"), "timeoutSeconds");
    if (rv != null && !rv.equals("0")) {
      parseLong(rv, "resourceVersion");
    }
    Boolean sendInitial = request.param("sendInitialEvents") == null
        ? null : request.flag("sendInitialEvents");
    List<FieldError> errors = watch
        ? watchErrors(match, sendInitial, request.flag("allowWatchBookmarks"))
        : listErrors(rv, match, sendInitial);
    if (!errors.isEmpty()) {
      throw Invalids.of("meta.k8s.io", "ListOptions", "", errors);
    }
    if (!watch && match != null && rv == null) {
      // upstream's storage refuses this with a plain error
      throw ApiException.badRequest(
          "resourceVersionMatch is forbidden unless resourceVersion is provided");
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

  /** Upstream's validateListOptions for lists (ValidateListOptions, non-watch branch). */
  private static List<FieldError> listErrors(String rv, String match, Boolean sendInitial) {
    List<FieldError> errors = new ArrayList<>();
    if (match != null) {
      if (!match.equals("Exact") && !match.equals("NotOlderThan")) {
        errors.add(FieldError.notSupported("resourceVersionMatch", match,
            List.of("Exact", "NotOlderThan", "")));
      }
      if (match.equals("Exact") && "0".equals(rv)) {
        errors.add(FieldError.forbidden("resourceVersionMatch",
            "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
      }
    }
    if (sendInitial != null) {
      errors.add(FieldError.forbidden("sendInitialEvents",
          "sendInitialEvents is forbidden for list"));
    }
    return errors;
  }

  /** Upstream's validateWatchOptions (with the WatchList feature on, as in 1.32). */
  private static List<FieldError> watchErrors(String match, Boolean sendInitial,
      boolean bookmarks) {
    List<FieldError> errors = new ArrayList<>();
    if (sendInitial != null) {
      if (!"NotOlderThan".equals(match)) {
        errors.add(FieldError.forbidden("resourceVersionMatch",
            "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
      }
      if (sendInitial && !bookmarks) {
        errors.add(FieldError.forbidden("allowWatchBookmarks",
            "sendInitialEvents requires setting allowWatchBookmarks to true"));
      }
    } else if (match != null) {
      errors.add(FieldError.forbidden("resourceVersionMatch",
          "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
    }
    return errors;
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
