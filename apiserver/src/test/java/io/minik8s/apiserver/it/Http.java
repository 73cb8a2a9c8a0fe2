package io.minik8s.apiserver.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.api.Serialization;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A small HTTP client for integration tests: raw requests and answers, as curl would see them. */
public final class Http {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Http(String base) {
    this.base = base;
  }

  /** An answer: status code, content type and body. */
  public record Answer(int code, String contentType, String body) {
    public JsonNode json() {
      try {
        return Serialization.json().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  public Answer get(String path) {
    return send("GET", path, null, null, "application/json");
  }

  public Answer get(String path, String accept) {
    return send("GET", path, null, null, accept);
  }

  public Answer post(String path, String json) {
    return send("POST", path, json, "application/json", "application/json");
  }

  public Answer put(String path, String json) {
    return send("PUT", path, json, "application/json", "application/json");
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, null, "application/json");
  }

  public Answer delete(String path, String json) {
    return send("DELETE", path, json, "application/json", "application/json");
  }

  public Answer send(String method, String path, String body, String contentType, String accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (accept != null) {
      b.header("Accept", accept);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens a watch; events arrive as JSON lines on {@link Watch#next}. */
  public Watch watch(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().build();
    Watch watch = new Watch();
    client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(r -> {
      watch.code = r.statusCode();
      watch.body = r.body();
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank()) {
            watch.events.add(Serialization.json().readTree(line));
          }
        }
      } catch (IOException e) {
        // the stream was cut; the watch reports it as ended
      } finally {
        watch.ended = true;
        watch.events.add(Watch.END);
      }
    });
    return watch;
  }

  /** A watch stream in progress. */
  public static final class Watch {
    static final JsonNode END = Serialization.json().createObjectNode().put("type", "END");
    final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    volatile int code;
    volatile boolean ended;
    volatile java.io.InputStream body;

    /** Leaves the watch (closes the connection's stream). */
    public void close() {
      try {
        if (body != null) {
          body.close();
        }
      } catch (IOException e) {
        // already closed
      }
    }

    /** The next event, waiting up to 10 s; a {"type":"END"} node once the stream ended. */
    public JsonNode next() {
      try {
        JsonNode event = events.poll(10, TimeUnit.SECONDS);
        if (event == null) {
          throw new AssertionError("no watch event within 10s");
        }
        return event;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** The next event if one arrives within the time, else null. */
    public JsonNode poll(Duration wait) {
      try {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    public boolean ended() {
      return ended;
    }
  }
}
