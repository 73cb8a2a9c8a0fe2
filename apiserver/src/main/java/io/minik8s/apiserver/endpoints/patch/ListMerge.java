package io.minik8s.apiserver.endpoints.patch;

import static io.minik8s.apiserver.endpoints.patch.JsonValues.array;
import static io.minik8s.apiserver.endpoints.patch.JsonValues.concat;
import static io.minik8s.apiserver.endpoints.patch.JsonValues.elementKind;
import static io.minik8s.apiserver.endpoints.patch.JsonValues.list;
import static io.minik8s.apiserver.endpoints.patch.JsonValues.noMergeKey;
import static io.minik8s.apiserver.endpoints.patch.ListOrder.find;
import static io.minik8s.apiserver.endpoints.patch.ListOrder.indexOf;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The list half of strategic merge patch: lists of objects merged by their merge key (with the
 * {@code $patch: delete|replace} elements), lists of scalars merged as sets (or reduced by a
 * {@code $deleteFromPrimitiveList}); the result is ordered by {@link ListOrder}.
 */
final class ListMerge {
  private final StrategicMergePatch maps;

  ListMerge(StrategicMergePatch maps) {
    this.maps = maps;
  }

  /** Merges a patch list into a list whose field has the merge strategy. */
  ArrayNode merge(ArrayNode original, ArrayNode patch, JavaType elementType, String mergeKey,
      boolean deleteList) {
    if (original.isEmpty() && patch.isEmpty()) {
      return original;
    }
    JsonValues.Kind kind = elementKind(list(original), list(patch));
    List<JsonNode> serverOrder;
    List<JsonNode> patchOrder;
    List<JsonNode> merged;
    if (kind != JsonValues.Kind.OBJECT) {
      if (deleteList) {
        return array(list(original).stream()
            .filter(v -> indexOf(list(patch), v, "") < 0).toList());
      }
      serverOrder = list(original);
      patchOrder = list(patch);
      merged = new ArrayList<>();
      for (JsonNode v : concat(serverOrder, patchOrder)) {
        if (indexOf(merged, v, "") < 0) {
          merged.add(v);
        }
      }
    } else {
      if (mergeKey.isEmpty()) {
        throw PatchErrors.internal("cannot merge lists without merge key for type "
            + maps.elementKind(elementType));
      }
      serverOrder = list(original);
      patchOrder = new ArrayList<>();
      boolean replace = false;
      for (JsonNode v : patch) {
        JsonNode directive = v.get(StrategicMergePatch.DIRECTIVE);
        if (directive == null) {
          patchOrder.add(v);
        } else if (directive.isTextual() && directive.textValue().equals("delete")) {
          JsonNode value = v.get(mergeKey);
          if (value == null) {
            throw PatchErrors.internal(noMergeKey(v, mergeKey));
          }
          serverOrder = new ArrayList<>(serverOrder);
          for (int i; (i = find(serverOrder, mergeKey, value)) >= 0; ) {
            serverOrder.remove(i);
          }
        } else if (directive.isTextual() && directive.textValue().equals("replace")) {
          replace = true;
        } else if (directive.isTextual() && directive.textValue().equals("merge")) {
          throw PatchErrors.internal("merging lists cannot yet be specified in the patch");
        } else {
          throw PatchErrors.internal("unknown patch type: " + PatchErrors.go(directive)
              + " in map: " + PatchErrors.go(v));
        }
      }
      if (replace) {
        serverOrder = patchOrder;
        patchOrder = List.of();
      }
      merged = new ArrayList<>(serverOrder);
      for (JsonNode v : patchOrder) {
        JsonNode value = v.get(mergeKey);
        if (value == null) {
          throw PatchErrors.internal(noMergeKey(v, mergeKey));
        }
        int i = find(merged, mergeKey, value);
        if (i >= 0) {
          merged.set(i, maps.mergeMap((ObjectNode) merged.get(i), (ObjectNode) v, elementType));
        } else {
          merged.add(v);
        }
      }
    }
    return array(ListOrder.order(merged, patchOrder, serverOrder, mergeKey, kind));
  }
}
