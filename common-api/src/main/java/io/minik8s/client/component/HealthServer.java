package io.minik8s.client.component;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component's health and metrics listener on the JDK's built-in HTTP(S) server (common-api
 * carries no Netty): {@code /healthz}, {@code /livez}, {@code /readyz} with upstream's answers, and
 * Prometheus {@code /metrics}, all readable without credentials. Anything else is Go's "404 page
 * not found". Two daemon threads serve it; scrapes and probes are small and rare.
 */
public final class HealthServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
  private static final int THREADS = 2;

  private final ServingEndpoint endpoint;
  private final HttpServer server;
  private final ExecutorService executor;
  private final HealthAnswers health;
  private final ComponentMetrics metrics;

  private HealthServer(
      ServingEndpoint endpoint,
      HttpServer server,
      ExecutorService executor,
      HealthChecks checks,
      ComponentMetrics metrics) {
    this.endpoint = endpoint;
    this.server = server;
    this.executor = executor;
    this.health = new HealthAnswers(checks);
    this.metrics = metrics;
  }

  /**
   * Binds and starts serving.
   *
   * @param tls the server's TLS context when the endpoint is HTTPS, else null
   * @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken)
   */
  public static HealthServer start(
      ServingEndpoint endpoint, SSLContext tls, HealthChecks checks, ComponentMetrics metrics) {
    if (endpoint.https() != (tls != null)) {
      throw new IllegalArgumentException(endpoint.name() + ": HTTPS needs a TLS context");
    }
    InetSocketAddress address = new InetSocketAddress(endpoint.host(), endpoint.port());
    HttpServer server;
    try {
      if (tls != null) {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      } else {
        server = HttpServer.create(address, 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve "
              + endpoint.name()
              + " on "
              + endpoint.host()
              + ":"
              + endpoint.port()
              + ": "
              + e.getMessage(),
          e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t =
                  new Thread(r, "health-" + endpoint.port() + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HealthServer health = new HealthServer(endpoint, server, executor, checks, metrics);
    server.createContext("/", health::handle);
    server.setExecutor(executor);
    server.start();
    LOG.info(
        "Serving {} on {}://{}:{}",
        endpoint.name(),
        tls != null ? "https" : "http",
        endpoint.host(),
        health.port());
    return health;
  }

  /** The port it listens on (the chosen one when the endpoint asked for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  public ServingEndpoint endpoint() {
    return endpoint;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      if (endpoint.metrics() && path.equals("/metrics")) {
        respond(exchange, 200, ComponentMetrics.CONTENT_TYPE, metrics.scrape());
        return;
      }
      Optional<HealthAnswers.Answer> answer =
          endpoint.health() ? health.answer(path, query) : Optional.empty();
      if (answer.isPresent()) {
        respond(exchange, answer.get().code(), "text/plain; charset=utf-8", answer.get().body());
      } else {
        respond(exchange, 404, "text/plain; charset=utf-8", "404 page not found\n");
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: failed to answer {}", endpoint.name(), exchange.getRequestURI(), e);
    }
  }

  private static void respond(HttpExchange exchange, int code, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Stops listening at once; requests in flight are cut off. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    LOG.info("Stopped serving {}", endpoint.name());
  }
}
