package io.minik8s.client.rest;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * When the client retries a request by itself, as client-go's rest.Request does; everything else
 * surfaces to the caller.
 *
 * <ul>
 *   <li>An answer 429 or 5xx that carries {@code Retry-After: <seconds>} is retried after that many
 *       seconds, at most {@code maxRetries} times (client-go: 10); the last answer surfaces.
 *   <li>A GET whose connection was refused, reset or closed before an answer is retried at most
 *       {@code maxConnectionRetries} times with doubling backoff from {@code connectionBackoff} to
 *       {@code maxConnectionBackoff}. client-go retries only reset/EOF, after an artificial one
 *       second; retrying a refused connection too lets a GET ride out an API server restart. Other
 *       methods are never retried on a transport failure: the server may have acted.
 * </ul>
 *
 * @param maxRetries retries on Retry-After answers
 * @param maxConnectionRetries retries of a GET on a refused or broken connection
 * @param connectionBackoff the first backoff of a connection retry
 * @param maxConnectionBackoff the cap of the doubling backoff
 */
public record RetryPolicy(
    int maxRetries,
    int maxConnectionRetries,
    Duration connectionBackoff,
    Duration maxConnectionBackoff) {

  /** client-go's 10 Retry-After retries; 5 connection retries from 200 ms to 2 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(10, 5, Duration.ofMillis(200), Duration.ofSeconds(2));

  /** Never retries. */
  public static final RetryPolicy NONE = new RetryPolicy(0, 0, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxRetries < 0 || maxConnectionRetries < 0) {
      throw new IllegalArgumentException("retry counts must not be negative");
    }
  }

  /**
   * The wait before retrying an answer, if it is retryable: 429 or 5xx with a Retry-After header
   * holding whole seconds (an HTTP date is not honoured, as in client-go).
   */
  public Optional<Duration> retryAfter(int code, Optional<String> retryAfterHeader) {
    if (code != 429 && code < 500) {
      return Optional.empty();
    }
    return retryAfterHeader.flatMap(RetryPolicy::seconds);
  }

  private static Optional<Duration> seconds(String value) {
    try {
      long s = Long.parseLong(value.trim());
      return Optional.of(Duration.ofSeconds(Math.max(0, s)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether a transport failure of this request may be retried (idempotent GET only). */
  public boolean retriesConnectionFailure(String method, IOException failure) {
    return "GET".equals(method) && isRefusedOrReset(failure);
  }

  static boolean isRefusedOrReset(IOException failure) {
    if (failure instanceof HttpTimeoutException) {
      return false;
    }
    if (failure instanceof ConnectException || failure instanceof EOFException) {
      return true;
    }
    String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    // java.net.http reports a peer that closed or reset a pooled connection in these words
    return message.contains("connection reset")
        || message.contains("received no bytes")
        || message.contains("eof")
        || message.contains("connection closed")
        || message.contains("broken pipe")
        || message.contains("connection refused");
  }

  /** The backoff before the n-th (0-based) connection retry. */
  public Duration connectionBackoff(int attempt) {
    Duration d = connectionBackoff;
    for (int i = 0; i < attempt && d.compareTo(maxConnectionBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxConnectionBackoff) > 0 ? maxConnectionBackoff : d;
  }
}
