package io.minik8s.apiserver.endpoints.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** Decoded JSON values as Go's strategicpatch sees them: kinds, equality, error texts. */
final class JsonValues {
  /** The Go type of a decoded JSON value. */
  enum Kind {
    OBJECT, ARRAY, STRING, INTEGER, FLOAT, BOOLEAN, NULL
  }

  private JsonValues() {}

  /** Go's == on decoded JSON scalars: same type and value (an int is not a float). */
  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || a.isNull() || b == null || b.isNull()) {
      return (a == null || a.isNull()) && (b == null || b.isNull());
    }
    Kind ka = kind(a);
    if (ka != kind(b) || a.isContainerNode()) {
      return false;
    }
    return switch (ka) {
      case INTEGER -> a.bigIntegerValue().equals(b.bigIntegerValue());
      case FLOAT -> a.doubleValue() == b.doubleValue();
      default -> a.asText().equals(b.asText());
    };
  }

  /** Upstream's sliceElementType: all elements of the lists must be of one kind, not lists. */
  static Kind elementKind(List<JsonNode> first, List<JsonNode> second) {
    Kind kind = null;
    for (JsonNode v : concat(first, second)) {
      Kind k = kind(v);
      if (kind == null) {
        if (k == Kind.ARRAY) {
          throw PatchErrors.unprocessable(); // lists of lists are not supported
        }
        kind = k;
      } else if (k != kind) {
        throw PatchErrors.internal("list element types are not identical: ["
            + PatchErrors.go(array(first)) + " " + PatchErrors.go(array(second)) + "]");
      }
    }
    if (kind == null) {
      throw PatchErrors.internal("no elements in any of the given slices");
    }
    return kind;
  }

  static Kind kind(JsonNode v) {
    if (v == null || v.isNull()) {
      return Kind.NULL;
    }
    if (v.isObject()) {
      return Kind.OBJECT;
    }
    if (v.isArray()) {
      return Kind.ARRAY;
    }
    if (v.isIntegralNumber()) {
      return Kind.INTEGER;
    }
    if (v.isNumber()) {
      return Kind.FLOAT;
    }
    return v.isBoolean() ? Kind.BOOLEAN : Kind.STRING;
  }

  /** Go's mergepatch.ErrBadArgType text. */
  static String badArgType(String expected, JsonNode actual) {
    String kind = switch (kind(actual)) {
      case OBJECT -> "map";
      case ARRAY -> "slice";
      case STRING -> "string";
      case INTEGER -> "int64";
      case FLOAT -> "float64";
      case BOOLEAN -> "bool";
      case NULL -> "invalid";
    };
    return "expected a " + expected + ", but received a " + kind;
  }

  static String noMergeKey(JsonNode map, String mergeKey) {
    return "map: " + PatchErrors.go(map) + " does not contain declared merge key: " + mergeKey;
  }

  static List<JsonNode> list(ArrayNode array) {
    List<JsonNode> list = new ArrayList<>(array.size());
    array.forEach(list::add);
    return list;
  }

  static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
    List<JsonNode> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static ArrayNode array(List<JsonNode> items) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(items.size());
    array.addAll(items);
    return array;
  }
}
