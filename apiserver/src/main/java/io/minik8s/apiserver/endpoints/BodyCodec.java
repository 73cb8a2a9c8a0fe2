package io.minik8s.apiserver.endpoints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import io.minik8s.apiserver.endpoints.patch.FieldValidation;
import io.minik8s.apiserver.endpoints.patch.StrictFields;
import io.minik8s.apiserver.endpoints.patch.Warnings;
import io.minik8s.apiserver.endpoints.protobuf.ProtobufBodies;
import io.minik8s.apiserver.http.ApiRequest;
import java.io.IOException;
import java.util.Locale;

/**
 * Decodes request bodies (JSON or YAML) into typed objects, checking apiVersion and kind against
 * the URL, and encodes responses in the media type the client accepts.
 */
public final class BodyCodec {
  public static final String JSON = "application/json";
  public static final String YAML = "application/yaml";

  private BodyCodec() {}

  /**
   * Parses the body as a JSON tree, choosing the syntax from Content-Type: JSON, YAML or
   * Kubernetes protobuf (415 otherwise).
   */
  public static JsonNode tree(ApiRequest request) {
    if (ProtobufBodies.handles(request.header("Content-Type"))) {
      return ProtobufBodies.tree(request.body());
    }
    ObjectMapper mapper = mapperFor(request.header("Content-Type"));
    if (request.body().length == 0) {
      throw ApiException.badRequest("the body of the request is empty");
    }
    try {
      JsonNode node = mapper.readTree(request.body());
      if (node == null || node.isMissingNode()) {
        throw ApiException.badRequest("the body of the request is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "the body of the request could not be decoded: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("the body of the request could not be read: " + e);
    }
  }

  private static ObjectMapper mapperFor(String contentType) {
    String media = mediaType(contentType);
    if (media.isEmpty() || media.equals(JSON)) {
      return Serialization.json();
    }
    if (media.equals(YAML) || media.equals("application/x-yaml") || media.equals("text/yaml")) {
      return Serialization.yaml();
    }
    throw ApiException.unsupportedMediaType(contentType);
  }

  static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Decodes the request body into the resource's type. A missing apiVersion or kind defaults to
   * the URL's; a different one is a 400, as upstream.
   */
  public static HasMetadata decode(ApiRequest request, ResourceType type) {
    return decode(tree(request), type.apiVersion(), type.kind(), type.type());
  }

  /**
   * Decodes a create or update body with upstream's strict field checks: fields the type lacks
   * are dropped (never stored) and, like fields given twice, handled as {@code validation} says
   * (Strict: upstream's 400; Warn: a warning each). Bodies other than JSON or YAML (protobuf)
   * decode as {@link #decode(ApiRequest, ResourceType)} does.
   */
  public static HasMetadata decode(ApiRequest request, ResourceType type, StrictFields fields,
      FieldValidation validation, Warnings warnings) {
    String media = mediaType(request.header("Content-Type"));
    if (!media.isEmpty() && !media.equals(JSON) && !isYaml(media)) {
      return decode(request, type);
    }
    if (request.body().length == 0) {
      throw ApiException.badRequest("the body of the request is empty");
    }
    StrictFields.Decoded decoded;
    try {
      decoded = fields.read(mapperFor(media), request.body(), type.type());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "the body of the request could not be decoded: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("the body of the request could not be decoded: " + e);
    }
    validation.handle(decoded.errors(), warnings, detail -> ApiException.badRequest(
        type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
            + type.kind() + ": " + detail));
    return decode(decoded.tree(), type.apiVersion(), type.kind(), type.type());
  }

  private static boolean isYaml(String media) {
    return media.equals(YAML) || media.equals("application/x-yaml") || media.equals("text/yaml");
  }

  /** Decodes a tree into {@code target}, checking it against the expected apiVersion and kind. */
  public static <T> T decode(JsonNode node, String apiVersion, String kind, Class<T> target) {
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.badRequest("the body of the request must be a JSON object");
    }
    JsonNode av = object.get("apiVersion");
    if (av != null && !av.isNull() && !av.asText().isEmpty() && !av.asText().equals(apiVersion)) {
      throw ApiException.badRequest(
          "the API version in the data ("
              + av.asText()
              + ") does not match the expected API version ("
              + apiVersion
              + ")");
    }
    JsonNode k = object.get("kind");
    if (k != null && !k.isNull() && !k.asText().isEmpty() && !k.asText().equals(kind)) {
      throw ApiException.badRequest(
          "the kind in the data (" + k.asText() + ") does not match the expected kind (" + kind
              + ")");
    }
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    if (object.has("metadata") && !object.get("metadata").isObject()
        && !object.get("metadata").isNull()) {
      throw ApiException.badRequest("metadata must be an object");
    }
    try {
      T value = Serialization.json().treeToValue(object, target);
      if (value instanceof HasMetadata hm && hm.getMetadata() == null) {
        hm.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
      }
      return value;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage()
          : e.getMessage();
      throw ApiException.badRequest("the body of the request could not be decoded: " + message);
    }
  }

  /** Whether the client wants YAML (and not JSON) back. */
  public static boolean wantsYaml(ApiRequest request) {
    String accept = request.header("Accept");
    return accept != null
        && accept.contains(YAML)
        && !accept.contains(JSON)
        && !accept.contains("*/*");
  }

  public static byte[] encode(Object value, boolean yaml) {
    try {
      return (yaml ? Serialization.yaml() : Serialization.json()).writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw ApiException.internal("cannot encode response: " + e.getOriginalMessage());
    }
  }
}
