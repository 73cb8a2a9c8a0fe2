package io.minik8s.apiserver.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.minik8s.api.Serialization;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One validation failure at a field path, shaped like upstream's field.Error: its {@link
 * #message()} is what upstream prints ("spec.replicas: Invalid value: -1: must be greater than or
 * equal to 0") and {@link #causeReason()} / {@link #causeMessage()} fill a StatusCause.
 *
 * @param type the kind of failure
 * @param field the field path, e.g. "spec.containers[0].name"
 * @param badValue the offending value (rendered for INVALID, DUPLICATE, NOT_SUPPORTED, NOT_FOUND
 *     and TOO_MANY, as upstream's ErrorBody does), may be null
 * @param detail the explanation, may be empty
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

  /** Upstream's field.ErrorType values, with their cause reasons and messages. */
  public enum Type {
    REQUIRED("FieldValueRequired", "Required value"),
    INVALID("FieldValueInvalid", "Invalid value"),
    DUPLICATE("FieldValueDuplicate", "Duplicate value"),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
    FORBIDDEN("FieldValueForbidden", "Forbidden"),
    TOO_LONG("FieldValueTooLong", "Too long"),
    TOO_MANY("FieldValueTooMany", "Too many"),
    NOT_FOUND("FieldValueNotFound", "Not found"),
    INTERNAL("InternalError", "Internal error");

    private final String reason;
    private final String text;

    Type(String reason, String text) {
      this.reason = reason;
      this.text = text;
    }

    public String reason() {
      return reason;
    }

    public String text() {
      return text;
    }
  }

  public FieldError {
    Objects.requireNonNull(type);
    Objects.requireNonNull(field);
    detail = detail == null ? "" : detail;
    // a fabric8 Quantity compares by parsing its amount, which fails for the invalid ones we
    // report; upstream renders them as their string anyway
    if (badValue instanceof Quantity q) {
      badValue = new Verbatim(q.toString());
    }
  }

  public static FieldError required(String field, String detail) {
    return new FieldError(Type.REQUIRED, field, null, detail);
  }

  public static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(Type.INVALID, field, value, detail);
  }

  public static FieldError duplicate(String field, Object value) {
    return new FieldError(Type.DUPLICATE, field, value, "");
  }

  /** An unsupported value; the detail lists the supported ones as upstream quotes them. */
  public static FieldError notSupported(String field, Object value, Collection<String> valid) {
    String detail =
        valid.isEmpty()
            ? ""
            : "supported values: "
                + valid.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    return new FieldError(Type.NOT_SUPPORTED, field, value, detail);
  }

  /** A value that refers to something that does not exist (a volumeMount naming no volume). */
  public static FieldError notFound(String field, Object value) {
    return new FieldError(Type.NOT_FOUND, field, value, "");
  }

  public static FieldError forbidden(String field, String detail) {
    return new FieldError(Type.FORBIDDEN, field, null, detail);
  }

  public static FieldError tooLong(String field, Object value, int max) {
    return new FieldError(Type.TOO_LONG, field, value, "must have at most " + max + " bytes");
  }

  public static FieldError tooMany(String field, int actual, int max) {
    return new FieldError(Type.TOO_MANY, field, actual, "must have at most " + max + " items");
  }

  /** The StatusCause reason, e.g. "FieldValueRequired". */
  public String causeReason() {
    return type.reason();
  }

  /** The StatusCause message: the error without the field, e.g. "Required value". */
  public String causeMessage() {
    StringBuilder s = new StringBuilder(type.text());
    boolean showValue =
        type == Type.INVALID
            || type == Type.DUPLICATE
            || type == Type.NOT_SUPPORTED
            || type == Type.NOT_FOUND
            || type == Type.TOO_MANY;
    if (showValue) {
      s.append(": ").append(render(badValue));
    }
    if (!detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  /** The full upstream message: "field: cause message". */
  public String message() {
    return field + ": " + causeMessage();
  }

  private static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String str) {
      return "\"" + str + "\"";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    // types with a String() method in Go print unquoted
    if (value instanceof IntOrString ios) {
      return ios.getIntVal() != null ? ios.getIntVal().toString() : String.valueOf(ios.getStrVal());
    }
    if (value instanceof Verbatim v) {
      return v.text();
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      // Go's %#v of a []string, as in "spec.clusterIPs: Invalid value: []string{\"10.0.0.1\"}"
      return list.stream()
          .map(v -> "\"" + v + "\"")
          .collect(Collectors.joining(", ", "[]string{", "}"));
    }
    try {
      return Serialization.json().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  /** A value Go prints through its String() method, hence unquoted (Quantities). */
  record Verbatim(String text) {
    @Override
    public String toString() {
      return text;
    }
  }
}
