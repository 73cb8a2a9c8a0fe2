package io.minik8s.apiserver.storage.etcd;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.apiserver.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A list continue token in upstream's wire format: unpadded URL-safe base64 of {@code
 * {"v":"meta.k8s.io/v1","rv":REV,"start":"KEY"}} where KEY is the next key to read relative to the
 * list's key prefix. Clients treat it as opaque, but upstream clients and servers can read each
 * other's tokens.
 *
 * @param revision the revision every page of the list is read at; -1 means "the newest" (upstream
 *     hands such tokens out when the original revision was compacted)
 * @param startKey the full etcd key the next page starts at
 */
public record ContinueToken(long revision, String startKey) {
  static final String VERSION = "meta.k8s.io/v1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The JSON body; field order matters only for byte-equality with upstream's tokens. */
  @JsonPropertyOrder({"v", "rv", "start"})
  record Body(
      @JsonProperty("v") String version,
      @JsonProperty("rv") long revision,
      @JsonProperty("start") String start) {}

  /**
   * Encodes this token for a list under {@code keyPrefix}.
   *
   * @throws IllegalArgumentException if the start key is not under the prefix
   */
  public String encode(String keyPrefix) {
    if (!startKey.startsWith(keyPrefix) || startKey.length() == keyPrefix.length()) {
      throw new IllegalArgumentException(
          "unable to encode next field: the key and key prefix do not match");
    }
    try {
      byte[] json =
          MAPPER.writeValueAsBytes(
              new Body(VERSION, revision, startKey.substring(keyPrefix.length())));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Decodes and validates a token for a list under {@code keyPrefix}.
   *
   * @throws StorageException {@link StorageException.Reason#INVALID_REQUEST} for a malformed token,
   *     one of an unknown version, without a revision or start key, or whose start key would escape
   *     the prefix
   */
  public static ContinueToken decode(String token, String keyPrefix) {
    byte[] json;
    try {
      json = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid("continue key is not valid: " + e.getMessage());
    }
    Body body;
    try {
      body = MAPPER.readValue(new String(json, StandardCharsets.UTF_8), Body.class);
    } catch (JsonProcessingException e) {
      throw invalid("continue key is not valid: " + e.getOriginalMessage());
    }
    if (!VERSION.equals(body.version())) {
      throw invalid(
          "continue key is not valid: server does not recognize this encoded version "
              + body.version());
    }
    if (body.revision() == 0) {
      throw invalid(
          "continue key is not valid: incorrect encoded start resourceVersion (version"
              + " meta.k8s.io/v1)");
    }
    if (body.start() == null || body.start().isEmpty()) {
      throw invalid("continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
    }
    // a start key with "..", "." or "//" segments could range outside the list's prefix
    String key = body.start().startsWith("/") ? body.start() : "/" + body.start();
    if (!isCleanPath(key)) {
      throw invalid("continue key is not valid: " + body.start());
    }
    return new ContinueToken(body.revision(), keyPrefix + key.substring(1));
  }

  /** Whether Go's path.Clean would leave this rooted path unchanged. */
  static boolean isCleanPath(String path) {
    if (path.equals("/")) {
      return true;
    }
    if (path.endsWith("/")) {
      return false;
    }
    String[] segments = path.substring(1).split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static StorageException invalid(String message) {
    return new StorageException(
        StorageException.Reason.INVALID_REQUEST, null, "invalid continue token: " + message);
  }
}
