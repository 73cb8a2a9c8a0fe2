package io.minik8s.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/**
 * A successful (2xx) answer with its whole body.
 *
 * @param code the HTTP status code
 * @param headers the answer's headers
 * @param body the body bytes, empty if none
 */
public record RestResponse(int code, HttpHeaders headers, byte[] body) {

  /** The body as a JSON tree. */
  public JsonNode json() {
    try {
      return Serialization.json().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("the server's answer is not JSON", e);
    }
  }

  /** The body decoded as the given type. */
  public <T> T as(Class<T> type) {
    try {
      return Serialization.json().readValue(body, type);
    } catch (IOException e) {
      throw new UncheckedIOException("the server's answer is not a " + type.getSimpleName(), e);
    }
  }
}
