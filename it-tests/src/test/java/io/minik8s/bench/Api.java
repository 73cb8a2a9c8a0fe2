package io.minik8s.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The API calls of the benchmarks, over java.net.http with HTTP/1.1: every request in flight has
 * its own keep-alive connection, as many clients of a real API server would.
 */
final class Api {
  /** The client's System.nanoTime() when it sent the create, to time watch delivery. */
  static final String SENT_ANNOTATION = "bench.minik8s.io/sent";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final String base;

  Api(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  String base() {
    return base;
  }

  /** A small Pod, as a client would send it; the server adds its defaults. */
  static String podJson(String name, long sentNanos) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\","
        + "\"labels\":{\"app\":\"bench\"},\"annotations\":{\"" + SENT_ANNOTATION + "\":\""
        + sentNanos + "\"}},\"spec\":{\"containers\":[{\"name\":\"app\","
        + "\"image\":\"registry.k8s.io/pause:3.10\"}]}}";
  }

  /** POSTs a Pod; completes exceptionally unless the server answers 201 Created. */
  CompletableFuture<Void> createPod(String namespace, String name) {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(base + "/api/v1/namespaces/" + namespace + "/pods"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(podJson(name, System.nanoTime())))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenAccept(r -> expect(r, 201, "create pod " + namespace + "/" + name));
  }

  /** DELETEs a Pod; completes exceptionally unless the server answers 200. */
  CompletableFuture<Void> deletePod(String namespace, String name) {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(base + "/api/v1/namespaces/" + namespace + "/pods/" + name))
        .timeout(TIMEOUT)
        .header("Accept", "application/json")
        .DELETE()
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenAccept(r -> expect(r, 200, "delete pod " + namespace + "/" + name));
  }

  void createNamespace(String name) {
    send("POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
        + "\"metadata\":{\"name\":\"" + name + "\"}}", 201);
  }

  /** GET, expecting 200; the body. */
  byte[] get(String path) {
    return send("GET", path, null, 200);
  }

  byte[] send(String method, String path, String json, int expected) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(5))
        .header("Accept", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<byte[]> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      expect(r, expected, method + " " + path);
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void expect(HttpResponse<byte[]> r, int code, String what) {
    if (r.statusCode() != code) {
      String body = new String(r.body(), StandardCharsets.UTF_8);
      throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " "
          + body.substring(0, Math.min(300, body.length())));
    }
  }
}
