package io.minik8s.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.minik8s.api.ApiException;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Turns a non-2xx answer into an {@link ApiException}: the server's Status when the body is one,
 * else a Status synthesized from the code with upstream's generic reasons and messages (as
 * apimachinery's NewGenericServerResponse does for a proxy's HTML page or an empty body).
 */
final class ResponseErrors {
  private static final int MAX_BODY_IN_MESSAGE = 512;

  private ResponseErrors() {}

  static ApiException toException(int code, Optional<String> retryAfter, byte[] body) {
    Status status = parseStatus(body).orElseGet(() -> synthesize(code, retryAfter, body));
    if (status.getCode() == null || status.getCode() == 0) {
      status.setCode(code);
    }
    if (status.getReason() == null || status.getReason().isEmpty()) {
      // ApiException's predicates read the reason; upstream falls back to the code the same way
      status.setReason(reasonFor(code));
    }
    return new ApiException(status);
  }

  static Optional<Status> parseStatus(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = Serialization.json().readTree(body);
      if (node != null && node.isObject() && "Status".equals(node.path("kind").asText())) {
        return Optional.of(Serialization.json().treeToValue(node, Status.class));
      }
    } catch (IOException notJson) {
      // a body that is not a Status gets a synthesized one
    }
    return Optional.empty();
  }

  static Status synthesize(int code, Optional<String> retryAfter, byte[] body) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
    if (text.length() > MAX_BODY_IN_MESSAGE) {
      text = text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
    StatusDetails details = new StatusDetails();
    if (!text.isEmpty()) {
      StatusCause cause = new StatusCause();
      cause.setReason("UnexpectedServerResponse");
      cause.setMessage(text);
      details.setCauses(List.of(cause));
    }
    retryAfter.flatMap(ResponseErrors::seconds).ifPresent(details::setRetryAfterSeconds);
    return ApiException.failure(code, reasonFor(code), messageFor(code, text), details);
  }

  private static Optional<Integer> seconds(String header) {
    try {
      return Optional.of(Integer.parseInt(header.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String reasonFor(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "RequestEntityTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> "Unknown";
    };
  }

  private static String messageFor(int code, String body) {
    return switch (code) {
      case 400 -> "the server rejected our request for an unknown reason";
      case 401 -> "the server has asked for the client to provide credentials";
      case 403 -> "the server does not allow access to the requested resource";
      case 404 -> "the server could not find the requested resource";
      case 405 -> "the server does not allow this method on the requested resource";
      case 406 -> "the server was unable to respond with a content type that the client supports";
      case 409 -> "the server reported a conflict";
      case 410 -> "the server reports the requested resource is gone";
      case 413 -> "the server has rejected the request because it is too large";
      case 415 -> "the server was unable to accept the media type of the request";
      case 422 -> "the server rejected our request due to an error in our request";
      case 429 -> "the server has received too many requests and has asked us to try again later";
      case 503 -> "the server is currently unable to handle the request";
      case 504 ->
          "the server was unable to return a response in the time allotted, but may still"
              + " be processing the request";
      default ->
          "an error on the server (\""
              + body
              + "\") has prevented the request from"
              + " succeeding";
    };
  }
}
