package io.minik8s.api.selector;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream's field.Error and aggregate texts, for messages that match the Go servers' byte for
 * byte.
 */
final class FieldErrors {
  /** How upstream prints a missing (nil) field path. */
  static final String NIL_PATH = "<nil>";

  private FieldErrors() {}

  /** {@code <field>: Invalid value: "<value>": <detail>}. */
  static String invalid(String field, String value, String detail) {
    return field + ": Invalid value: " + quote(value) + ": " + detail;
  }

  /** The same for a list of values, printed as Go prints a []string. */
  static String invalid(String field, List<String> values, String detail) {
    return field + ": Invalid value: " + goSlice(values) + ": " + detail;
  }

  /** Upstream's aggregate error: one message alone, several as "[a, b]" without repeats. */
  static String aggregate(List<String> messages) {
    Set<String> distinct = new LinkedHashSet<>(messages);
    return distinct.size() == 1
        ? distinct.iterator().next()
        : "[" + String.join(", ", distinct) + "]";
  }

  /** A string as Go's %q prints it. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String goSlice(List<String> values) {
    if (values.isEmpty()) {
      return "[]string(nil)";
    }
    StringBuilder sb = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(quote(values.get(i)));
    }
    return sb.append('}').toString();
  }
}
