package io.minik8s.client.rest;

import io.minik8s.api.ApiException;
import io.minik8s.client.ConnectionException;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.config.ClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends raw requests to the API server: headers (Accept, User-Agent, bearer token over https), the
 * client-side rate limiter before every attempt, the {@link RetryPolicy}, and the translation of
 * failures into {@link ApiException} (or {@link ConnectionException} when no answer came).
 * Thread-safe; the typed clients are built on it, and kubectl may use it for raw paths.
 */
public final class RestClient {
  private static final Logger log = LoggerFactory.getLogger(RestClient.class);

  private final ClientConfig config;
  private final HttpClient http;
  private final RateLimiter limiter;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final RequestMetrics metrics;
  private final AtomicBoolean warnedPlainToken = new AtomicBoolean();

  public RestClient(
      ClientConfig config,
      HttpClient http,
      RateLimiter limiter,
      RetryPolicy retry,
      Sleeper sleeper,
      RequestMetrics metrics) {
    this.config = config;
    this.http = http;
    this.limiter = limiter;
    this.retry = retry;
    this.sleeper = sleeper;
    this.metrics = metrics;
  }

  public ClientConfig config() {
    return config;
  }

  public String server() {
    return config.server();
  }

  /**
   * Sends a request and reads the whole answer.
   *
   * @param method GET, POST, PUT, PATCH or DELETE
   * @param pathAndQuery e.g. "/api/v1/namespaces/ns/pods?limit=5"
   * @param body the body, or null for none
   * @param contentType the body's media type (ignored without a body)
   * @return the 2xx answer
   * @throws ApiException for any other answer, ConnectionException when none came
   */
  public RestResponse send(String method, String pathAndQuery, byte[] body, String contentType) {
    HttpRequest request =
        request(method, pathAndQuery, body, contentType, "application/json", true);
    HttpResponse<byte[]> response = execute(method, request, BodyHandlers.ofByteArray());
    if (isSuccess(response.statusCode())) {
      return new RestResponse(response.statusCode(), response.headers(), response.body());
    }
    throw ResponseErrors.toException(
        response.statusCode(), response.headers().firstValue("Retry-After"), response.body());
  }

  /**
   * Starts a streaming GET (a watch, a followed log): the request is rate limited and retried as
   * any GET, but its body is then read by the caller for as long as it likes, with no timeout.
   *
   * @return the 2xx answer's body, which the caller must close
   */
  public InputStream stream(String pathAndQuery, String accept) {
    HttpRequest request = request("GET", pathAndQuery, null, null, accept, false);
    HttpResponse<InputStream> response = execute("GET", request, BodyHandlers.ofInputStream());
    if (isSuccess(response.statusCode())) {
      return response.body();
    }
    byte[] body = drain(response.body());
    throw ResponseErrors.toException(
        response.statusCode(), response.headers().firstValue("Retry-After"), body);
  }

  private HttpRequest request(
      String method,
      String pathAndQuery,
      byte[] body,
      String contentType,
      String accept,
      boolean timed) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(config.server() + pathAndQuery))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Accept", accept)
            .header("User-Agent", config.userAgent());
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    if (timed && !config.requestTimeout().isZero()) {
      b.timeout(config.requestTimeout());
    }
    if (config.token() != null && !config.token().isEmpty()) {
      if (config.isHttps()) {
        b.header("Authorization", "Bearer " + config.token());
      } else if (warnedPlainToken.compareAndSet(false, true)) {
        // a bearer token in clear text would be readable by anyone on the path
        log.warn("not sending the bearer token to {}: the server is not https", config.server());
      }
    }
    return b.build();
  }

  private <B> HttpResponse<B> execute(String method, HttpRequest request, BodyHandler<B> handler) {
    int retries = 0;
    int connectionRetries = 0;
    while (true) {
      throttle(method);
      long start = System.nanoTime();
      HttpResponse<B> response;
      try {
        response = http.send(request, handler);
      } catch (IOException e) {
        metrics.request(method, "<error>", Duration.ofNanos(System.nanoTime() - start));
        if (connectionRetries < retry.maxConnectionRetries()
            && retry.retriesConnectionFailure(method, e)) {
          Duration backoff = retry.connectionBackoff(connectionRetries++);
          log.debug(
              "{} {} failed ({}); retry {} in {}",
              method,
              request.uri(),
              e.toString(),
              connectionRetries,
              backoff);
          pause(backoff);
          continue;
        }
        throw new ConnectionException(describe(request, e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectionException("interrupted: " + method + " " + request.uri(), e);
      }
      int code = response.statusCode();
      metrics.request(method, Integer.toString(code), Duration.ofNanos(System.nanoTime() - start));
      if (isSuccess(code) || retries >= retry.maxRetries()) {
        return response;
      }
      Optional<Duration> wait =
          retry.retryAfter(code, response.headers().firstValue("Retry-After"));
      if (wait.isEmpty()) {
        return response;
      }
      retries++;
      discard(response);
      log.debug(
          "{} {} answered {} with Retry-After; retry {} in {}",
          method,
          request.uri(),
          code,
          retries,
          wait.get());
      pause(wait.get());
    }
  }

  private void throttle(String method) {
    try {
      Duration waited = limiter.acquire();
      if (!waited.isZero()) {
        metrics.rateLimiterWait(method, waited);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("interrupted while waiting for the client rate limiter", e);
    }
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("interrupted while waiting to retry", e);
    }
  }

  private static String describe(HttpRequest request, IOException e) {
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "unable to connect to the server: "
        + request.method()
        + " "
        + request.uri()
        + ": "
        + what;
  }

  private static boolean isSuccess(int code) {
    return code >= 200 && code < 300;
  }

  private static void discard(HttpResponse<?> response) {
    if (response.body() instanceof InputStream in) {
      drain(in);
    }
  }

  private static byte[] drain(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
