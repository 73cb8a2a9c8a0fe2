package io.minik8s.apiserver.endpoints.patch;

import static io.minik8s.apiserver.endpoints.patch.JsonValues.array;
import static io.minik8s.apiserver.endpoints.patch.JsonValues.badArgType;
import static io.minik8s.apiserver.endpoints.patch.JsonValues.elementKind;
import static io.minik8s.apiserver.endpoints.patch.JsonValues.list;
import static io.minik8s.apiserver.endpoints.patch.JsonValues.noMergeKey;
import static io.minik8s.apiserver.endpoints.patch.JsonValues.same;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.minik8s.apiserver.endpoints.patch.JsonValues.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Upstream's ordering of merged lists (normalizeElementOrder and the {@code $setElementOrder}
 * checks): patch elements in patch (or directive) order, server-only elements where they were
 * relative to them.
 */
final class ListOrder {
  private ListOrder() {}

  /** Orders a merged list by a {@code $setElementOrder} list. */
  static ArrayNode orderBy(ArrayNode merged, ArrayNode order, List<JsonNode> serverOrder,
      List<JsonNode> patchList, String mergeKey) {
    Kind kind = elementKind(serverOrder, patchList);
    return array(order(list(merged), list(order), serverOrder, mergeKey, kind));
  }

  /**
   * Upstream's normalizeElementOrder: the elements named by {@code patchOrder} sorted by it, the
   * others by {@code serverOrder}, then interleaved so that each server-only element stays before
   * the patch elements it preceded on the server.
   */
  static List<JsonNode> order(List<JsonNode> merged, List<JsonNode> patchOrder,
      List<JsonNode> serverOrder, String mergeKey, Kind kind) {
    List<JsonNode> patchItems = new ArrayList<>();
    List<JsonNode> serverOnly = new ArrayList<>();
    for (JsonNode v : merged) {
      JsonNode key = v;
      if (!mergeKey.isEmpty()) {
        if (!v.isObject()) {
          throw PatchErrors.internal(badArgType("map", v));
        }
        key = v.get(mergeKey);
        if (key == null) {
          throw PatchErrors.internal(noMergeKey(v, mergeKey));
        }
      }
      boolean inPatch = mergeKey.isEmpty()
          ? indexOf(patchOrder, v, "") >= 0 : find(patchOrder, mergeKey, key) >= 0;
      (inPatch ? patchItems : serverOnly).add(v);
    }
    List<JsonNode> left = sort(serverOnly, serverOrder, mergeKey, kind);
    List<JsonNode> right = sort(patchItems, patchOrder, mergeKey, kind);
    List<JsonNode> result = new ArrayList<>(left.size() + right.size());
    int i = 0;
    int j = 0;
    while (i < left.size() || j < right.size()) {
      if (i >= left.size()) {
        result.add(right.get(j++));
      } else if (j >= right.size()) {
        result.add(left.get(i++));
      } else {
        String key = kind == Kind.OBJECT ? mergeKey : "";
        int li = indexOf(serverOrder, left.get(i), key);
        int ri = indexOf(serverOrder, right.get(j), key);
        result.add(li >= 0 && ri >= 0 && li < ri ? left.get(i++) : right.get(j++));
      }
    }
    return result;
  }

  /** Sorts by position in {@code order}; {@code $patch: delete} elements go last. */
  private static List<JsonNode> sort(List<JsonNode> items, List<JsonNode> order, String mergeKey,
      Kind kind) {
    String key = kind == Kind.OBJECT ? mergeKey : "";
    List<JsonNode> keep = new ArrayList<>();
    List<JsonNode> deletes = new ArrayList<>();
    for (JsonNode v : items) {
      if (kind == Kind.OBJECT) {
        requireMergeKey(v, mergeKey);
        JsonNode d = v.get(StrategicMergePatch.DIRECTIVE);
        if (d != null && d.isTextual() && d.textValue().equals("delete")) {
          deletes.add(v);
          continue;
        }
      }
      keep.add(v);
    }
    if (kind == Kind.OBJECT) {
      order.forEach(v -> requireMergeKey(v, mergeKey));
    }
    keep.sort(Comparator.comparingInt(v -> {
      int i = indexOf(order, v, key);
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    keep.addAll(deletes);
    return keep;
  }

  /** Upstream's validatePatchWithSetOrderList: patch elements must follow the order list. */
  static void validateOrder(ArrayNode patch, ArrayNode order, String mergeKey) {
    if (patch == null || patch.isEmpty() || order.isEmpty()) {
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode v : patch) {
      if (!mergeKey.isEmpty()) {
        if (!v.isObject()) {
          throw PatchErrors.internal(badArgType("map", v));
        }
        JsonNode d = v.get(StrategicMergePatch.DIRECTIVE);
        if (d != null && d.isTextual() && d.textValue().equals("delete")) {
          continue;
        }
      }
      items.add(v);
    }
    int p = 0;
    int s = 0;
    while (p < items.size() && s < order.size()) {
      JsonNode item = items.get(p);
      if (item.isObject() && item.has(StrategicMergePatch.DIRECTIVE)) {
        p++;
        continue;
      }
      if (sameKey(item, order.get(s), mergeKey)) {
        p++;
      }
      s++;
    }
    if (p < items.size()) {
      throw PatchErrors.internal("The order in patch list:\n" + PatchErrors.go(patch)
          + "\n doesn't match " + StrategicMergePatch.SET_ELEMENT_ORDER + " list:\n"
          + PatchErrors.go(order) + "\n");
    }
  }

  private static boolean sameKey(JsonNode left, JsonNode right, String mergeKey) {
    if (mergeKey.isEmpty()) {
      return same(left, right);
    }
    for (JsonNode v : new JsonNode[] {left, right}) {
      if (!v.isObject()) {
        throw PatchErrors.internal(badArgType("map", v));
      }
      requireMergeKey(v, mergeKey);
    }
    return same(left.get(mergeKey), right.get(mergeKey));
  }

  private static void requireMergeKey(JsonNode v, String mergeKey) {
    if (!v.isObject()) {
      throw PatchErrors.internal(badArgType("map", v));
    }
    if (!v.has(mergeKey)) {
      throw PatchErrors.internal(noMergeKey(v, mergeKey));
    }
  }

  /** The index of the first object whose merge key has the value; -1 if none. */
  static int find(List<JsonNode> list, String mergeKey, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      if (!v.isObject()) {
        throw PatchErrors.internal("value for key " + i + " is not a map.");
      }
      if (v.has(mergeKey) && same(v.get(mergeKey), value)) {
        return i;
      }
    }
    return -1;
  }

  /** Position of an element by merge key value (objects) or by value (scalars); -1 if absent. */
  static int indexOf(List<JsonNode> list, JsonNode item, String mergeKey) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      boolean match = mergeKey.isEmpty()
          ? same(v, item)
          : same(v.isObject() ? v.get(mergeKey) : null,
              item.isObject() ? item.get(mergeKey) : null);
      if (match) {
        return i;
      }
    }
    return -1;
  }
}
