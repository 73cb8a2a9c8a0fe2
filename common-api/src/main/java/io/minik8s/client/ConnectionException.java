package io.minik8s.client;

import io.fabric8.kubernetes.api.model.StatusDetails;
import io.minik8s.api.ApiException;

/**
 * The API server could not be reached or the connection broke before an answer arrived (refused,
 * reset, TLS failure, timeout, interrupted). It is an {@link ApiException} so that callers have one
 * exception type to catch; its synthesized Status has code 503 and reason {@code
 * ServiceUnavailable} (upstream's client returns a plain transport error here, no Status), and
 * {@link #getCause()} holds the transport failure.
 */
public class ConnectionException extends ApiException {

  public ConnectionException(String message, Throwable cause) {
    super(failure(503, "ServiceUnavailable", message, new StatusDetails()));
    initCause(cause);
  }
}
