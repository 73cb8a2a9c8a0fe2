package io.minik8s.apiserver.endpoints.protobuf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubernetes.client.proto.Runtime.Unknown;
import io.minik8s.api.ApiException;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes {@code application/vnd.kubernetes.protobuf} request bodies: the magic {@code k8s\0},
 * then a runtime.Unknown whose typeMeta names the kind and whose raw bytes are the object in its
 * generated.proto layout. The result is the JSON tree a JSON body with the same object would
 * give, so decoding, defaulting and validation are the JSON path's. Failures are upstream's 400s.
 */
public final class ProtobufBodies {
  /** The media type of Kubernetes protobuf. */
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final ProtoJson CONVERTER = new ProtoJson(ProtobufBodies::embedded);

  private ProtobufBodies() {}

  /** Whether a Content-Type header names Kubernetes protobuf (parameters ignored). */
  public static boolean handles(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semi = contentType.indexOf(';');
    String media = semi < 0 ? contentType : contentType.substring(0, semi);
    return media.trim().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
  }

  /** The JSON tree of an enveloped protobuf body; apiVersion and kind come from the envelope. */
  public static ObjectNode tree(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("the body of the request is empty");
    }
    Unknown envelope = envelope(body);
    String apiVersion = envelope.getTypeMeta().getApiVersion();
    String kind = envelope.getTypeMeta().getKind();
    if (!envelope.getContentEncoding().isEmpty()) {
      throw ApiException.badRequest("the body of the request could not be decoded: unsupported"
          + " content encoding \"" + envelope.getContentEncoding() + "\"");
    }
    String contentType = envelope.getContentType();
    if (!contentType.isEmpty() && !handles(contentType)) {
      throw ApiException.badRequest("the body of the request could not be decoded: unsupported"
          + " content type \"" + contentType + "\" in the protobuf envelope");
    }
    Descriptor descriptor = ProtoKinds.builtIn().find(apiVersion, kind)
        .orElseThrow(() -> ApiException.badRequest(
            "no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\""));
    try {
      DynamicMessage message = DynamicMessage.parseFrom(descriptor, envelope.getRaw());
      return CONVERTER.toTree(message, apiVersion, kind);
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.badRequest(
          "the body of the request could not be decoded: " + e.getMessage());
    }
  }

  private static Unknown envelope(byte[] body) {
    if (body.length < MAGIC.length
        || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      throw ApiException.badRequest("provided data does not appear to be a protobuf message,"
          + " expected prefix [107 56 115 0]");
    }
    try {
      return Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.badRequest(
          "the body of the request could not be decoded: " + e.getMessage());
    }
  }

  /** Bytes embedded in a RawExtension or FieldsV1: JSON, or a nested protobuf envelope. */
  private static JsonNode embedded(byte[] raw) {
    if (raw.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(raw, MAGIC.length), MAGIC)) {
      return tree(raw);
    }
    try {
      return Serialization.json().readTree(raw);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body of the request could not be decoded: embedded"
          + " object is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("the body of the request could not be read: " + e);
    }
  }
}
