package io.minik8s.client;

import java.time.Duration;

/**
 * Receives one observation per HTTP request the client sends, for client-go's {@code
 * rest_client_requests_total} and {@code rest_client_request_duration_seconds}. Called on the
 * requesting thread; implementations must be thread-safe and must not block.
 */
public interface RequestMetrics {

  /** Drops every observation. */
  RequestMetrics NONE =
      new RequestMetrics() {
        @Override
        public void request(String verb, String code, Duration latency) {}
      };

  /**
   * One attempt finished (each retry counts once).
   *
   * @param verb the HTTP method, e.g. "GET"
   * @param code the HTTP status code as text, or "&lt;error&gt;" when no answer arrived
   * @param latency from sending until the whole answer arrived (for watch and log streams, until
   *     its headers)
   */
  void request(String verb, String code, Duration latency);

  /** Time a request waited for the client-side rate limiter (only when it waited). */
  default void rateLimiterWait(String verb, Duration waited) {}
}
