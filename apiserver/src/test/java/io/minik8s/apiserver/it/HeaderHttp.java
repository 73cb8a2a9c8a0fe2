package io.minik8s.apiserver.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Requests whose answers' headers matter (Warning), which {@link Http} does not show. */
final class HeaderHttp {
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  HeaderHttp(String base) {
    this.base = base;
  }

  /** An answer with its headers. */
  record Reply(int code, HttpResponse<String> response) {
    String body() {
      return response.body();
    }

    JsonNode json() {
      try {
        return Serialization.json().readTree(body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body(), e);
      }
    }

    /** Every value of a header (all lines of it). */
    List<String> headers(String name) {
      return response.headers().allValues(name);
    }
  }

  Reply send(String method, String path, String contentType, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .header("Accept", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
