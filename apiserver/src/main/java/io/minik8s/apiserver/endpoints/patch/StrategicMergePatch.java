package io.minik8s.apiserver.endpoints.patch;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Strategic merge patch as upstream's API server applies it (apimachinery strategicpatch, with
 * parallel lists merged and unmatched nulls ignored): objects merge member by member and null
 * deletes, lists follow their field's {@link PatchStrategy} (merged by key, merged as sets of
 * scalars, or replaced), and the directives {@code $patch}, {@code $retainKeys}, {@code
 * $setElementOrder/<list>} and {@code $deleteFromPrimitiveList/<list>} do what upstream's do.
 * Field types and metadata come from the object model ({@link ModelSchema}, {@link
 * PatchMetadata}).
 */
public final class StrategicMergePatch {
  static final String DIRECTIVE = "$patch";
  static final String RETAIN_KEYS = "$retainKeys";
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
  static final String SET_ELEMENT_ORDER = "$setElementOrder";

  private final ModelSchema schema;
  private final ListMerge lists;

  public StrategicMergePatch(ModelSchema schema) {
    this.schema = schema;
    this.lists = new ListMerge(this);
  }

  /**
   * Applies a patch to an object of the given model type. Both trees are consumed: the result may
   * share nodes with either.
   */
  public ObjectNode apply(ObjectNode original, ObjectNode patch, Class<?> type) {
    return mergeMap(original, patch, schema.type(type));
  }

  /** A field's type and patch metadata (upstream's LookupPatchMetadata). */
  record Field(JavaType type, PatchStrategy strategy) {}

  ObjectNode mergeMap(ObjectNode original, ObjectNode patch, JavaType type) {
    if (patch.has(DIRECTIVE)) {
      return directiveInMap(patch.get(DIRECTIVE), patch);
    }
    ObjectNode target = original == null ? JsonNodeFactory.instance.objectNode() : original;
    applyRetainKeys(target, patch);
    mergeOrderedLists(target, patch, type);
    for (String name : names(patch)) {
      JsonNode value = patch.get(name);
      String key = name;
      boolean deleteList = false;
      if (name.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        key = extractKey(name, DELETE_FROM_PRIMITIVE_LIST,
            "invalid patch format of primitive list");
        deleteList = true;
      }
      if (value.isNull()) {
        target.remove(key);
        continue;
      }
      JsonNode current = target.get(key);
      if (current == null) {
        target.set(key, value);
      } else if (current instanceof ObjectNode currentMap
          && value instanceof ObjectNode patchMap) {
        Field field = lookup(type, key);
        target.set(key, field.strategy().replaces()
            ? patchMap : mergeMap(currentMap, patchMap, field.type()));
      } else if (current instanceof ArrayNode currentList && value instanceof ArrayNode patchList) {
        Field field = lookup(type, key);
        target.set(key, field.strategy().merges()
            ? lists.merge(currentList, patchList, schema.element(field.type()),
                field.strategy().mergeKey(), deleteList)
            : patchList);
      } else {
        target.set(key, value);
      }
    }
    return target;
  }

  private static ObjectNode directiveInMap(JsonNode directive, ObjectNode patch) {
    if (directive.isTextual() && directive.textValue().equals("replace")) {
      patch.remove(DIRECTIVE);
      return patch;
    }
    if (directive.isTextual() && directive.textValue().equals("delete")) {
      return JsonNodeFactory.instance.objectNode();
    }
    throw PatchErrors.internal("unknown patch type: " + PatchErrors.go(directive) + " in map: "
        + PatchErrors.go(patch));
  }

  /** {@code $retainKeys}: clears what the list does not name; the patch may set only those. */
  private static void applyRetainKeys(ObjectNode original, ObjectNode patch) {
    JsonNode retain = patch.remove(RETAIN_KEYS);
    if (retain == null) {
      return;
    }
    if (!retain.isArray()) {
      throw PatchErrors.badRequest("invalid patch format of retainKeys");
    }
    Set<String> keys = new HashSet<>();
    retain.forEach(k -> {
      if (k.isTextual()) {
        keys.add(k.textValue());
      }
    });
    for (String name : names(patch)) {
      if (patch.get(name).isNull() || name.startsWith(DELETE_FROM_PRIMITIVE_LIST)
          || name.startsWith(SET_ELEMENT_ORDER)) {
        continue;
      }
      if (!keys.contains(name)) {
        throw PatchErrors.badRequest("invalid patch format of retainKeys");
      }
    }
    for (String name : names(original)) {
      if (!keys.contains(name)) {
        original.remove(name);
      }
    }
  }

  /**
   * {@code $setElementOrder/<list>}: merges the list with its patch (if any) and orders the
   * result as the directive says, server-only elements keeping their place relative to it.
   */
  private void mergeOrderedLists(ObjectNode original, ObjectNode patch, JavaType type) {
    for (String name : names(patch)) {
      if (!name.startsWith(SET_ELEMENT_ORDER)) {
        continue;
      }
      JsonNode order = patch.remove(name);
      if (!(order instanceof ArrayNode orderList)) {
        throw PatchErrors.internal(JsonValues.badArgType("slice", order));
      }
      String key = extractKey(name, SET_ELEMENT_ORDER,
          "invalid patch format of setElementOrder list");
      JsonNode originalValue = original.get(key);
      JsonNode patchValue = patch.get(key);
      for (JsonNode v : new JsonNode[] {originalValue, patchValue}) {
        if (v != null && !v.isArray()) {
          throw PatchErrors.internal(JsonValues.badArgType("slice", v));
        }
      }
      ArrayNode originalList = (ArrayNode) originalValue;
      ArrayNode patchList = (ArrayNode) patchValue;
      Field field = lookup(type, key);
      String mergeKey = field.strategy().mergeKey();
      ListOrder.validateOrder(patchList, orderList, mergeKey);
      List<JsonNode> serverOrder =
          originalList == null ? List.of() : JsonValues.list(originalList);
      ArrayNode merged;
      if (originalList != null && patchList != null) {
        merged = field.strategy().merges()
            ? lists.merge(originalList, patchList, schema.element(field.type()), mergeKey, false)
            : patchList;
      } else if (originalList != null) {
        merged = originalList;
      } else if (patchList != null) {
        merged = patchList;
      } else {
        continue;
      }
      original.set(key, ListOrder.orderBy(merged, orderList, serverOrder,
          patchList == null ? List.of() : JsonValues.list(patchList), mergeKey));
      patch.remove(key);
    }
  }

  /** The type and patch metadata of a member of an object of the given type. */
  Field lookup(JavaType type, String key) {
    return switch (schema.kind(type)) {
      case MAP -> new Field(schema.element(type), PatchStrategy.NONE);
      case STRUCT -> {
        JavaType field = schema.fields(type).get(key);
        if (field == null) {
          throw PatchErrors.internal("unable to find api field in struct "
              + type.getRawClass().getSimpleName() + " for the json field \"" + key + "\"");
        }
        yield new Field(field, PatchMetadata.of(type.getRawClass(), key));
      }
      case LIST, OPAQUE -> new Field(schema.type(Object.class), PatchStrategy.NONE);
    };
  }

  /** The kind word Go prints for the elements of a list field ("struct", "map", ...). */
  String elementKind(JavaType elementType) {
    return switch (schema.kind(elementType)) {
      case STRUCT -> "struct";
      case MAP -> "map";
      case LIST -> "slice";
      case OPAQUE -> "interface";
    };
  }

  private static String extractKey(String name, String prefix, String badFormat) {
    int slash = name.indexOf('/');
    if (slash < 0 || !name.substring(0, slash).equals(prefix)) {
      throw PatchErrors.badRequest(badFormat);
    }
    return name.substring(slash + 1);
  }

  static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
