package io.minik8s.apiserver.endpoints.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON merge patch (RFC 7386) as upstream applies it (evanphx/json-patch v4 MergePatch): objects
 * merge member by member, null deletes, anything else replaces; values new to the document lose
 * their null members. A patch that is not an object replaces the whole document (an array) or is
 * a 400 (a scalar or null).
 */
public final class MergePatch {
  private static final String BAD_PATCH = "Invalid JSON Patch";

  private MergePatch() {}

  /** Merges the patch into the document (an object, changed in place); returns the result. */
  public static JsonNode apply(ObjectNode document, JsonNode patch) {
    if (patch instanceof ObjectNode object) {
      merge(document, object);
      return document;
    }
    if (patch instanceof ArrayNode array) {
      return pruneNulls(array);
    }
    throw PatchErrors.badRequest(BAD_PATCH);
  }

  private static void merge(ObjectNode document, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> e : entries(patch)) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      JsonNode current = document.get(key);
      if (value.isNull()) {
        document.remove(key);
      } else if (current == null || current.isNull()) {
        document.set(key, pruneNulls(value));
      } else if (!(current instanceof ObjectNode currentObject)) {
        document.set(key, pruneNulls(value));
      } else if (value instanceof ObjectNode patchObject) {
        merge(currentObject, patchObject);
      } else {
        document.set(key, value);
      }
    }
  }

  /** Drops null members of objects, at any depth (null array elements stay). */
  private static JsonNode pruneNulls(JsonNode value) {
    if (value instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : entries(object)) {
        if (e.getValue().isNull()) {
          object.remove(e.getKey());
        } else {
          pruneNulls(e.getValue());
        }
      }
    } else if (value instanceof ArrayNode array) {
      array.forEach(MergePatch::pruneNulls);
    }
    return value;
  }

  private static List<Map.Entry<String, JsonNode>> entries(ObjectNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    object.fields().forEachRemaining(entries::add);
    return entries;
  }
}
