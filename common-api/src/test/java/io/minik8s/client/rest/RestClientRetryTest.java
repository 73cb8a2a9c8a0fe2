package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.minik8s.api.ApiException;
import io.minik8s.client.ConnectionException;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.config.ClientConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** client-go's retry rules, against a stub that answers 429/503 and breaks connections. */
class RestClientRetryTest {
  private static final String OK = "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\"}";
  private static final String TOO_MANY =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\","
          + "\"status\":\"Failure\",\"reason\":\"TooManyRequests\",\"code\":429,"
          + "\"message\":\"Too many requests, please try again later.\"}";

  private final StubServer stub;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final List<String> codes = new CopyOnWriteArrayList<>();
  private final RequestMetrics metrics = (verb, code, latency) -> codes.add(verb + " " + code);

  RestClientRetryTest() throws IOException {
    stub = new StubServer();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private RestClient client(String url, RetryPolicy policy) {
    ClientConfig config = ClientConfig.forServer(url);
    return new RestClient(
        config, KubeClients.httpClient(config), RateLimiter.UNLIMITED, policy, sleeper, metrics);
  }

  @Test
  void a429WithRetryAfterIsRetriedAfterThatManySeconds() {
    stub.then(StubServer.json(429, TOO_MANY, Map.of("Retry-After", "3")))
        .then(StubServer.json(429, TOO_MANY, Map.of("Retry-After", "1")))
        .thenJson(200, OK);
    RestResponse answer =
        client(stub.url(), RetryPolicy.DEFAULT).send("GET", "/api/v1/x", null, null);
    assertThat(answer.code()).isEqualTo(200);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
    assertThat(codes).containsExactly("GET 429", "GET 429", "GET 200");
  }

  @Test
  void a503WithRetryAfterIsRetriedEvenForAPost() {
    stub.then(StubServer.text(503, "busy"))
        .then(StubServer.json(503, "{}", Map.of("Retry-After", "2")))
        .thenJson(201, OK);
    ApiException first =
        catchThrowableOfType(
            ApiException.class,
            () ->
                client(stub.url(), RetryPolicy.DEFAULT)
                    .send("POST", "/api/v1/x", new byte[] {'{', '}'}, "application/json"));
    assertThat(first.code()).as("a 503 without Retry-After surfaces").isEqualTo(503);
    assertThat(first.reason()).isEqualTo("ServiceUnavailable");
    assertThat(sleeper.waits()).isEmpty();

    RestResponse answer =
        client(stub.url(), RetryPolicy.DEFAULT)
            .send("POST", "/api/v1/x", "{\"a\":1}".getBytes(), "application/json");
    assertThat(answer.code()).isEqualTo(201);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(stub.requests())
        .extracting(StubServer.Request::body)
        .containsExactly("{}", "{\"a\":1}", "{\"a\":1}");
  }

  @Test
  void retriesStopAtTheBoundAndTheLastAnswerSurfaces() {
    for (int i = 0; i < 12; i++) {
      stub.then(StubServer.json(429, TOO_MANY, Map.of("Retry-After", "1")));
    }
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> client(stub.url(), RetryPolicy.DEFAULT).send("GET", "/api/v1/x", null, null));
    assertThat(e.code()).isEqualTo(429);
    assertThat(e.reason()).isEqualTo("TooManyRequests");
    assertThat(stub.requests()).hasSize(11);
    assertThat(sleeper.waits()).hasSize(10).containsOnly(Duration.ofSeconds(1));
  }

  @Test
  void otherErrorsAndRetryAfterOnA4xxAreNotRetried() {
    stub.then(
        StubServer.json(
            409,
            "{\"kind\":\"Status\",\"code\":409,\"reason\":\"Conflict\"}",
            Map.of("Retry-After", "1")));
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () ->
                client(stub.url(), RetryPolicy.DEFAULT)
                    .send("PUT", "/api/v1/x", new byte[0], "application/json"));
    assertThat(e.isConflict()).isTrue();
    assertThat(stub.requests()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aGetOnARefusedConnectionIsRetriedWithBackoffThenSurfacesAsConnectionException()
      throws IOException {
    String closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = "http://127.0.0.1:" + s.getLocalPort();
    }
    ConnectionException e =
        catchThrowableOfType(
            ConnectionException.class,
            () -> client(closedPort, RetryPolicy.DEFAULT).send("GET", "/api/v1/x", null, null));
    assertThat(e.code()).isEqualTo(503);
    assertThat(e.getMessage()).contains("unable to connect to the server");
    assertThat(sleeper.waits())
        .containsExactly(
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofMillis(1600),
            Duration.ofSeconds(2));
    assertThat(codes).hasSize(6).containsOnly("GET <error>");
  }

  @Test
  void aPostOnARefusedConnectionIsNotRetried() throws IOException {
    String closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = "http://127.0.0.1:" + s.getLocalPort();
    }
    assertThat(
            catchThrowableOfType(
                ConnectionException.class,
                () ->
                    client(closedPort, RetryPolicy.DEFAULT)
                        .send("POST", "/api/v1/x", new byte[0], "application/json")))
        .isNotNull();
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aGetWhoseConnectionIsResetIsRetriedAndSucceeds() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // java.net.http itself retries a GET once on a fresh connection's EOF, so reset more often
      Thread acceptor = new Thread(() -> serveResetsThenOk(s, 4, accepted));
      acceptor.setDaemon(true);
      acceptor.start();
      RestResponse answer =
          client("http://127.0.0.1:" + s.getLocalPort(), RetryPolicy.DEFAULT)
              .send("GET", "/api/v1/x", null, null);
      assertThat(answer.code()).isEqualTo(200);
      assertThat(accepted.get()).isEqualTo(5);
      assertThat(sleeper.waits()).isNotEmpty().startsWith(Duration.ofMillis(200));
      assertThat(codes).contains("GET <error>").endsWith("GET 200");
    }
  }

  /** The first connections are reset without an answer; the next one gets a 200. */
  private static void serveResetsThenOk(ServerSocket server, int resets, AtomicInteger accepted) {
    try {
      for (int i = 0; i < resets; i++) {
        try (Socket reset = server.accept()) {
          accepted.incrementAndGet();
          reset.setSoLinger(true, 0);
          reset.getInputStream().read();
        }
      }
      try (Socket ok = server.accept()) {
        accepted.incrementAndGet();
        byte[] buffer = new byte[4096];
        ok.getInputStream().read(buffer);
        ok.getOutputStream()
            .write(
                ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: "
                        + OK.length()
                        + "\r\nConnection: close\r\n\r\n"
                        + OK)
                    .getBytes());
        ok.getOutputStream().flush();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyAttemptWaitsForTheRateLimiter() {
    stub.then(StubServer.json(429, TOO_MANY, Map.of("Retry-After", "0"))).thenJson(200, OK);
    AtomicInteger permits = new AtomicInteger();
    ClientConfig config = ClientConfig.forServer(stub.url());
    RestClient client =
        new RestClient(
            config,
            KubeClients.httpClient(config),
            () -> {
              permits.incrementAndGet();
              return Duration.ZERO;
            },
            RetryPolicy.DEFAULT,
            sleeper,
            metrics);
    client.send("GET", "/api/v1/x", null, null);
    assertThat(permits.get()).isEqualTo(2);
  }
}
