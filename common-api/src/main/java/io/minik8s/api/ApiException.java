package io.minik8s.api;

import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An API failure carrying the upstream {@link Status} that goes on (or came off) the wire. The
 * static factories build upstream's messages and reasons (k8s.io/apimachinery errors package).
 */
public class ApiException extends RuntimeException {
  private final transient Status status;

  public ApiException(Status status) {
    super(status.getMessage());
    this.status = status;
  }

  public Status status() {
    return status;
  }

  public int code() {
    return status.getCode() == null ? 500 : status.getCode();
  }

  public String reason() {
    return status.getReason();
  }

  public boolean isNotFound() {
    return "NotFound".equals(reason());
  }

  public boolean isAlreadyExists() {
    return "AlreadyExists".equals(reason());
  }

  public boolean isConflict() {
    return "Conflict".equals(reason());
  }

  public boolean isInvalid() {
    return "Invalid".equals(reason());
  }

  public boolean isGone() {
    return code() == 410;
  }

  public boolean isForbidden() {
    return code() == 403;
  }

  public boolean isUnauthorized() {
    return code() == 401;
  }

  /** A Status of failure with the given code, reason, message and details. */
  public static Status failure(int code, String reason, String message, StatusDetails details) {
    Status s = new Status();
    s.setApiVersion("v1");
    s.setKind("Status");
    s.setMetadata(new ListMeta());
    s.setStatus("Failure");
    s.setMessage(message);
    s.setReason(reason);
    s.setDetails(details);
    s.setCode(code);
    return s;
  }

  private static StatusDetails details(String group, String resource, String name) {
    StatusDetails d = new StatusDetails();
    d.setName(name);
    d.setGroup(group == null || group.isEmpty() ? null : group);
    d.setKind(resource);
    return d;
  }

  private static String qualified(String group, String resource) {
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }

  public static ApiException notFound(String group, String resource, String name) {
    return new ApiException(
        failure(
            404,
            "NotFound",
            qualified(group, resource) + " \"" + name + "\" not found",
            details(group, resource, name)));
  }

  public static ApiException alreadyExists(String group, String resource, String name) {
    return new ApiException(
        failure(
            409,
            "AlreadyExists",
            qualified(group, resource) + " \"" + name + "\" already exists",
            details(group, resource, name)));
  }

  public static ApiException conflict(
      String group, String resource, String name, String why) {
    return new ApiException(
        failure(
            409,
            "Conflict",
            "Operation cannot be fulfilled on "
                + qualified(group, resource)
                + " \""
                + name
                + "\": "
                + why,
            details(group, resource, name)));
  }

  /** Upstream's optimistic-concurrency conflict. */
  public static ApiException modified(String group, String resource, String name) {
    return conflict(
        group,
        resource,
        name,
        "the object has been modified; please apply your changes to the latest version and try"
            + " again");
  }

  /**
   * 422 Invalid: {@code Kind "name" is invalid: <errors>}, one cause per field error.
   *
   * @param causes field, reason and message of each error; fullMessages are "field: message"
   */
  public static ApiException invalid(
      String group, String kind, String name, List<StatusCause> causes, List<String> fullMessages) {
    String joined =
        fullMessages.size() == 1
            ? fullMessages.get(0)
            : "[" + String.join(", ", fullMessages) + "]";
    StatusDetails d = details(group, kind, name);
    d.setCauses(List.copyOf(causes));
    return new ApiException(
        failure(
            422,
            "Invalid",
            qualified(group, kind) + " \"" + name + "\" is invalid: " + joined,
            d));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(failure(400, "BadRequest", message, null));
  }

  public static ApiException forbidden(
      String group, String resource, String name, String why) {
    String target = name == null || name.isEmpty()
        ? qualified(group, resource)
        : qualified(group, resource) + " \"" + name + "\"";
    return new ApiException(
        failure(403, "Forbidden", target + " is forbidden: " + why, details(group, resource, name)));
  }

  public static ApiException methodNotAllowed() {
    return new ApiException(
        failure(
            405,
            "MethodNotAllowed",
            "the server does not allow this method on the requested resource",
            null));
  }

  public static ApiException notFoundPath() {
    return new ApiException(
        failure(404, "NotFound", "the server could not find the requested resource", null));
  }

  /** 410 Gone with reason Expired, as for a compacted watch or list revision. */
  public static ApiException expired(String message) {
    return new ApiException(failure(410, "Expired", message, null));
  }

  public static ApiException unsupportedMediaType(String contentType) {
    return new ApiException(
        failure(
            415,
            "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include:"
                + " application/json, application/yaml, application/vnd.kubernetes.protobuf",
            null));
  }

  public static ApiException notAcceptable(String accept) {
    return new ApiException(
        failure(
            406,
            "NotAcceptable",
            "only the following media types are accepted: application/json, application/yaml",
            null));
  }

  public static ApiException requestEntityTooLarge(long limit) {
    return new ApiException(
        failure(
            413,
            "RequestEntityTooLarge",
            "Request entity too large: limit is " + limit,
            null));
  }

  public static ApiException tooManyRequests(int retryAfterSeconds) {
    StatusDetails d = new StatusDetails();
    d.setRetryAfterSeconds(retryAfterSeconds);
    return new ApiException(
        failure(429, "TooManyRequests", "Too many requests, please try again later.", d));
  }

  public static ApiException internal(String message) {
    StatusDetails d = new StatusDetails();
    StatusCause c = new StatusCause();
    c.setMessage(message);
    d.setCauses(List.of(c));
    return new ApiException(
        failure(500, "InternalError", "Internal error occurred: " + message, d));
  }

  public static ApiException serviceUnavailable(String message) {
    return new ApiException(failure(503, "ServiceUnavailable", message, null));
  }

  public static ApiException timeout(String message, int retryAfterSeconds) {
    StatusDetails d = new StatusDetails();
    d.setRetryAfterSeconds(retryAfterSeconds);
    return new ApiException(failure(504, "Timeout", message, d));
  }

  @Override
  public String toString() {
    return "ApiException(" + code() + " " + reason() + "): " + getMessage()
        + (status.getDetails() != null && status.getDetails().getCauses() != null
            ? status.getDetails().getCauses().stream()
                .map(StatusCause::getField)
                .collect(Collectors.joining(",", " [", "]"))
            : "");
  }
}
