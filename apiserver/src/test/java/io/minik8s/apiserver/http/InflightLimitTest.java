package io.minik8s.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-flight limit of the real HTTP layer on loopback: past it, 429 with Retry-After. */
@Timeout(30)
class InflightLimitTest {
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService workers = Executors.newFixedThreadPool(4);
  private final HttpServer server = new HttpServer();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();
  private String base;

  @BeforeEach
  void start() throws Exception {
    // a handler that holds every request until released, so the first one occupies the slot
    RequestHandler holding = (request, responder) -> {
      entered.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      responder.respond(200, "text/plain", "done".getBytes(), Map.of());
    };
    var address = server.start("127.0.0.1", 0, holding, workers, new InflightLimiter(1, 1));
    base = "http://127.0.0.1:" + address.getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
    workers.shutdownNow();
  }

  private CompletableFuture<HttpResponse<String>> send(String method, String path) {
    return client.sendAsync(HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersTooManyRequestsPastTheReadOnlyLimit() throws Exception {
    var first = send("GET", "/api/v1/pods");
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> second = send("GET", "/api/v1/pods").get(10, TimeUnit.SECONDS);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(second.body()).contains("\"reason\":\"TooManyRequests\"");
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/pods").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void countsMutatingRequestsSeparatelyAndExemptsWatches() throws Exception {
    send("POST", "/api/v1/namespaces/default/pods");
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(send("DELETE", "/api/v1/namespaces/default/pods/x").get(10, TimeUnit.SECONDS)
        .statusCode()).isEqualTo(429);
    // the read-only slot is free and watches never count
    var watch = send("GET", "/api/v1/pods?watch=true");
    var read = send("GET", "/api/v1/pods");
    release.countDown();
    assertThat(read.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(watch.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }
}
