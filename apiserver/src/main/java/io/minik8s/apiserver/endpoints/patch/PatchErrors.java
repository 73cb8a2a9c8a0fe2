package io.minik8s.apiserver.endpoints.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.minik8s.api.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The failures of patch application with upstream's codes, and Go's rendering of JSON values
 * ({@code %v}, {@code %q}) that upstream's messages embed.
 */
final class PatchErrors {
  private PatchErrors() {}

  static ApiException badRequest(String message) {
    return ApiException.badRequest(message);
  }

  /**
   * Upstream's generic 422 for a patch that cannot apply (a failed JSON patch test, a missing
   * path, lists of lists): the server's own message is not passed on.
   */
  static ApiException unprocessable() {
    return new ApiException(ApiException.failure(422, "Invalid",
        "the server rejected our request due to an error in our request", new StatusDetails()));
  }

  /** A plain Go error reaching upstream's handler: 500 with no reason and the error's text. */
  static ApiException internal(String message) {
    return new ApiException(ApiException.failure(500, null, message, null));
  }

  /**
   * 422 on the field "patch" (upstream: a patched object that does not decode, or strict errors).
   *
   * @param value what upstream shows as the invalid value (the patched object or the patch)
   */
  static ApiException invalidPatch(String value, String detail) {
    String causeMessage = "Invalid value: " + quote(value) + ": " + detail;
    StatusCause cause = new StatusCause();
    cause.setField("patch");
    cause.setReason("FieldValueInvalid");
    cause.setMessage(causeMessage);
    return ApiException.invalid("", "", "", List.of(cause), List.of("patch: " + causeMessage));
  }

  /** Go's {@code %v} of a decoded JSON value: {@code map[k:v]}, {@code [a b]}, {@code <nil>}. */
  static String go(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "<nil>";
    }
    if (node.isObject()) {
      List<String> entries = new ArrayList<>();
      for (String name : new TreeSet<>(names(node))) {
        entries.add(name + ":" + go(node.get(name)));
      }
      return "map[" + String.join(" ", entries) + "]";
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(go(n)));
      return "[" + String.join(" ", items) + "]";
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  /** Go's {@code %q}: a double-quoted string with Go escapes. */
  static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\t' -> s.append("\\t");
        case '\r' -> s.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            s.append(String.format("\\x%02x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
