package io.minik8s.apiserver.endpoints.openapi;

import io.minik8s.apiserver.endpoints.openapi.ApiPath.Parameter;
import java.util.List;

/** The parameters of upstream's REST operations, by the verbs that take them. */
final class Parameters {
  static final Parameter NAMESPACE = new Parameter("namespace", "path", "string",
      "object name and auth scope, such as for teams and projects");
  static final Parameter PRETTY = query("pretty", "string",
      "If 'true', then the output is pretty printed.");
  static final Parameter DRY_RUN = query("dryRun", "string",
      "When present, modifications are not persisted; the only valid value is All.");
  static final Parameter FIELD_MANAGER = query("fieldManager", "string",
      "A name for the actor or entity that is making these changes.");
  static final Parameter FIELD_VALIDATION = query("fieldValidation", "string",
      "How the server treats unknown or duplicate fields in the object: Ignore, Warn (drop them"
          + " with a Warning header) or Strict (fail the request).");
  static final Parameter FORCE = query("force", "boolean",
      "Force apply requests to take over conflicting fields (apply patches only).");

  /** Query parameters of a write with a body (POST, PUT). */
  static final List<Parameter> WRITE = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION);
  /** Query parameters of a PATCH; fieldValidation is what kubectl looks for before validating. */
  static final List<Parameter> PATCH = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE);
  /** Query parameters of a DELETE of one object. */
  static final List<Parameter> DELETE = List.of(DRY_RUN,
      query("gracePeriodSeconds", "integer",
          "Seconds before the object is deleted; zero deletes at once."),
      query("orphanDependents", "boolean",
          "Deprecated: whether dependents are orphaned; use propagationPolicy."),
      query("propagationPolicy", "string",
          "Whether and how garbage collection is done: Orphan, Background or Foreground."));
  /** Query parameters of a list or watch. */
  static final List<Parameter> LIST = List.of(
      query("allowWatchBookmarks", "boolean", "Ask for watch events of type BOOKMARK."),
      query("continue", "string", "The continue token of the previous page of a list."),
      query("fieldSelector", "string", "Restricts the returned objects by their fields."),
      query("labelSelector", "string", "Restricts the returned objects by their labels."),
      query("limit", "integer", "The largest number of objects to return in one page."),
      query("resourceVersion", "string", "Which resource versions the request may be served from."),
      query("resourceVersionMatch", "string", "How resourceVersion applies to a list."),
      query("sendInitialEvents", "boolean", "Start a watch with the current state as events."),
      query("timeoutSeconds", "integer", "Timeout of the list or watch call."),
      query("watch", "boolean", "Watch for changes and return them as a stream of events."));

  private Parameters() {}

  /** The {name} path parameter of one kind's objects. */
  static Parameter name(String kind) {
    return new Parameter("name", "path", "string", "name of the " + kind);
  }

  private static Parameter query(String name, String type, String description) {
    return new Parameter(name, "query", type, description);
  }
}
