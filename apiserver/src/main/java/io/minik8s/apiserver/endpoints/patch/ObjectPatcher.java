package io.minik8s.apiserver.endpoints.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import io.minik8s.api.defaults.Defaults;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One PATCH request's patch, applied to whatever the current object is (the registry calls it
 * again on a fresh object after a conflict): the patch engine of the request's type on the
 * object's JSON, then strict field checks per {@code fieldValidation}, decoding, defaulting and
 * upstream's name and namespace checks.
 */
public final class ObjectPatcher {
  private final StrictFields fields;
  private final StrategicMergePatch strategic;
  private final ResourceType type;
  private final String namespace;
  private final String name;
  private final PatchType patchType;
  private final JsonNode patch;
  private final List<String> patchErrors;
  private final FieldValidation validation;
  private final Warnings warnings;

  /**
   * Parses the patch document (400 when it is not one of its type, 413 for a JSON patch of more
   * than 10,000 operations).
   *
   * @param namespace the request's namespace ("" for cluster-scoped resources)
   * @param name the object's name on the URL
   * @param warnings where fieldValidation=Warn records unknown and duplicate fields
   */
  public ObjectPatcher(StrictFields fields, ResourceType type, String namespace, String name,
      PatchType patchType, byte[] body, FieldValidation validation, Warnings warnings) {
    this.fields = fields;
    this.strategic = new StrategicMergePatch(fields.schema());
    this.type = type;
    this.namespace = namespace;
    this.name = name;
    this.patchType = patchType;
    this.validation = validation;
    this.warnings = warnings;
    StrictFields.Decoded decoded;
    try {
      decoded = fields.read(Serialization.json(), body,
          patchType == PatchType.JSON_PATCH ? JsonPatch.SHAPE : Shape.ANY);
    } catch (IOException e) {
      throw PatchErrors.badRequest(patchType == PatchType.MERGE_PATCH
          ? "Invalid JSON Patch" : message(e));
    }
    this.patch = decoded.tree();
    List<String> errors = decoded.errors();
    switch (patchType) {
      case JSON_PATCH -> {
        JsonPatch.operations(patch);
        errors = errors.stream().map(e -> "json patch " + e).toList();
      }
      case STRATEGIC_MERGE_PATCH -> {
        if (!patch.isObject()) {
          throw PatchErrors.badRequest("json: cannot unmarshal " + JsonPatch.goKind(patch)
              + " into Go value of type map[string]interface {}");
        }
      }
      case MERGE_PATCH -> { }
    }
    this.patchErrors = errors;
  }

  /** The object the patch makes of {@code current} (which is not changed). */
  public HasMetadata apply(HasMetadata current) {
    ObjectNode document = Serialization.json().valueToTree(current);
    JsonNode patched = switch (patchType) {
      case JSON_PATCH -> JsonPatch.apply(document, patch.deepCopy());
      case MERGE_PATCH -> MergePatch.apply(document, patch.deepCopy());
      case STRATEGIC_MERGE_PATCH ->
          strategic.apply(document, (ObjectNode) patch.deepCopy(), type.type());
    };
    // what upstream shows as the invalid value: the patched JSON, or the strategic patch map
    String shown = patchType == PatchType.STRATEGIC_MERGE_PATCH
        ? PatchErrors.go(patch) : patched.toString();
    List<String> errors = new ArrayList<>(patchErrors);
    errors.addAll(fields.prune(patched, type.type()));
    validation.handle(errors, warnings, detail -> PatchErrors.invalidPatch(shown, detail));
    HasMetadata object = decode(patched, shown);
    Defaults.apply(object);
    checkNamespaceAndName(object.getMetadata());
    return object;
  }

  private HasMetadata decode(JsonNode patched, String shown) {
    if (!(patched instanceof ObjectNode object)) {
      throw PatchErrors.invalidPatch(shown, "json: cannot unmarshal " + JsonPatch.goKind(patched)
          + " into Go value of type " + type.kind());
    }
    for (String[] f : new String[][] {{"apiVersion", type.apiVersion()}, {"kind", type.kind()}}) {
      JsonNode v = object.get(f[0]);
      if (v != null && !v.isNull() && !Objects.equals(v.asText(), f[1])) {
        throw PatchErrors.invalidPatch(shown, f[0] + " " + v.asText()
            + " does not match the expected " + f[0] + " " + f[1]);
      }
      object.put(f[0], f[1]);
    }
    try {
      HasMetadata decoded = Serialization.json().treeToValue(object, type.type());
      if (decoded.getMetadata() == null) {
        decoded.setMetadata(new ObjectMeta());
      }
      return decoded;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw PatchErrors.invalidPatch(shown, message(e));
    }
  }

  /** Upstream's EnsureObjectNamespaceMatchesRequestNamespace and checkName. */
  private void checkNamespaceAndName(ObjectMeta meta) {
    String objectNamespace = meta.getNamespace() == null ? "" : meta.getNamespace();
    if (!type.namespaced()) {
      meta.setNamespace(null);
    } else if (objectNamespace.isEmpty()) {
      meta.setNamespace(namespace);
    } else if (!objectNamespace.equals(namespace)) {
      throw ApiException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    String objectName = meta.getName() == null ? "" : meta.getName();
    if (!objectName.equals(name)) {
      throw ApiException.badRequest("the name of the object (" + objectName
          + ") does not match the name on the URL (" + name + ")");
    }
  }

  private static String message(Exception e) {
    return e instanceof JsonProcessingException j && j.getOriginalMessage() != null
        ? j.getOriginalMessage() : String.valueOf(e.getMessage());
  }
}
