package io.minik8s.apiserver.endpoints.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.api.ApiException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON patch (RFC 6902) with the semantics of the library upstream's API server uses
 * (evanphx/json-patch v4): JSON pointers with {@code ~0}/{@code ~1} escapes, {@code -} and
 * negative array indices, a {@code replace} of a missing object member that adds it, and a JSON
 * null treated as absent. Any failure is upstream's generic 422.
 */
public final class JsonPatch {
  /** Upstream's maxJSONPatchOperations. */
  static final int MAX_OPERATIONS = 10_000;

  /** The shape of a patch document for strict decoding: a list of operations. */
  static final Shape SHAPE = Shape.listOf(Shape.object(
      Map.of("op", Shape.ANY, "path", Shape.ANY, "from", Shape.ANY, "value", Shape.ANY)));

  private JsonPatch() {}

  /** Checks that a patch document is a list of operation objects (400 otherwise, 413 if huge). */
  static ArrayNode operations(JsonNode patch) {
    if (!(patch instanceof ArrayNode ops)) {
      throw PatchErrors.badRequest("json: cannot unmarshal " + goKind(patch)
          + " into Go value of type jsonpatch.Patch");
    }
    for (JsonNode op : ops) {
      if (!op.isObject() && !op.isNull()) {
        throw PatchErrors.badRequest("json: cannot unmarshal " + goKind(op)
            + " into Go value of type jsonpatch.Operation");
      }
    }
    if (ops.size() > MAX_OPERATIONS) {
      throw new ApiException(ApiException.failure(413, "RequestEntityTooLarge",
          "Request entity too large: The allowed maximum operations in a JSON patch is "
              + MAX_OPERATIONS + ", got " + ops.size(), null));
    }
    return ops;
  }

  /** Applies the operations to the document in order; returns the (possibly new) root. */
  public static JsonNode apply(JsonNode document, JsonNode patch) {
    JsonNode[] root = {document};
    for (JsonNode op : operations(patch)) {
      if (!apply(root, op == null || op.isNull() ? NullNode.getInstance() : op)) {
        throw PatchErrors.unprocessable();
      }
    }
    return root[0];
  }

  private static boolean apply(JsonNode[] root, JsonNode op) {
    String path = text(op.get("path"));
    JsonNode value = op.get("value");
    return switch (text(op.get("op")) == null ? "unknown" : text(op.get("op"))) {
      case "add" -> add(root[0], path, copy(value));
      case "remove" -> {
        Target t = find(root[0], path);
        yield t != null && t.remove();
      }
      case "replace" -> replace(root, path, copy(value));
      case "move" -> move(root[0], text(op.get("from")), path);
      case "copy" -> {
        Target from = find(root[0], text(op.get("from")));
        yield from != null && from.readable() && add(root[0], path, copy(from.get()));
      }
      case "test" -> test(root[0], path, value);
      default -> false;
    };
  }

  private static boolean add(JsonNode root, String path, JsonNode value) {
    Target t = find(root, path);
    return t != null && t.add(value);
  }

  private static boolean replace(JsonNode[] root, String path, JsonNode value) {
    if ("".equals(path)) {
      if (value == null || !(value.isObject() || value.isArray())) {
        return false;
      }
      root[0] = value;
      return true;
    }
    Target t = find(root[0], path);
    return t != null && t.readable() && t.set(value);
  }

  private static boolean move(JsonNode root, String from, String path) {
    Target source = find(root, from);
    if (source == null || !source.readable()) {
      return false;
    }
    JsonNode value = source.get();
    return source.remove() && path != null && add(root, path, value);
  }

  private static boolean test(JsonNode root, String path, JsonNode expected) {
    if ("".equals(path)) {
      return same(root, expected);
    }
    Target t = find(root, path);
    if (t == null || !t.readable()) {
      return false;
    }
    return same(t.get(), expected);
  }

  /** Structural equality with JSON null and absence alike; scalars compare by their JSON text. */
  static boolean same(JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull();
    boolean bNull = b == null || b.isNull();
    if (aNull || bNull) {
      return aNull && bNull;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!b.has(e.getKey()) || !same(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return !a.isContainerNode() && !b.isContainerNode() && a.toString().equals(b.toString());
  }

  /**
   * The container a pointer's last token lives in, as the library finds it: every token but the
   * last must name an existing object or array (a path without a leading slash starts at the
   * root, as there).
   */
  private static Target find(JsonNode root, String path) {
    if (path == null) {
      return null;
    }
    List<String> tokens = List.of(path.split("/", -1));
    if (tokens.size() < 2) {
      return null;
    }
    JsonNode container = root;
    for (String token : tokens.subList(1, tokens.size() - 1)) {
      Target step = new Target(container, unescape(token));
      JsonNode next = step.readable() ? step.get() : null;
      if (next == null || !next.isContainerNode()) {
        return null;
      }
      container = next;
    }
    return new Target(container, unescape(tokens.get(tokens.size() - 1)));
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  private static JsonNode copy(JsonNode value) {
    return value == null ? NullNode.getInstance() : value.deepCopy();
  }

  static String goKind(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    return node.isTextual() ? "string" : node.isNumber() ? "number" : "bool";
  }

  /** One member of an object or element of an array, addressed by a pointer token. */
  private record Target(JsonNode container, String key) {
    /** Whether get() is defined: always for objects (a missing member reads as null). */
    boolean readable() {
      return container.isObject() || index(false) != null;
    }

    JsonNode get() {
      if (container instanceof ObjectNode o) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v;
      }
      return container.get(index(false));
    }

    boolean set(JsonNode value) {
      if (container instanceof ObjectNode o) {
        o.set(key, value);
        return true;
      }
      ((ArrayNode) container).set(index(false), value);
      return true;
    }

    boolean add(JsonNode value) {
      if (container instanceof ObjectNode o) {
        o.set(key, value);
        return true;
      }
      ArrayNode array = (ArrayNode) container;
      if (key.equals("-")) {
        array.add(value);
        return true;
      }
      Integer i = index(true);
      if (i == null) {
        return false;
      }
      array.insert(i, value);
      return true;
    }

    boolean remove() {
      if (container instanceof ObjectNode o) {
        return o.remove(key) != null;
      }
      Integer i = index(false);
      if (i == null) {
        return false;
      }
      ((ArrayNode) container).remove(i);
      return true;
    }

    /** The array index the key names, negative ones counted from the end; null if invalid. */
    private Integer index(boolean insert) {
      if (!container.isArray()) {
        return null;
      }
      int size = container.size() + (insert ? 1 : 0);
      int i;
      try {
        i = Integer.parseInt(key);
      } catch (NumberFormatException e) {
        return null;
      }
      if (i < 0) {
        if (i < -size) {
          return null;
        }
        i += size;
      }
      return i < size ? i : null;
    }
  }
}
