package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Status;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.client.ListOptions;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.WatchListener;
import io.minik8s.client.config.ClientConfig;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Watch streams from a scripted server: decoding, ERROR events, the end and close. */
@Timeout(20)
class RestWatchTest {
  private final StubServer stub;
  private final RestKubeClient client;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Recorder recorder = new Recorder();

  RestWatchTest() throws IOException {
    stub = new StubServer();
    ClientConfig config = ClientConfig.forServer(stub.url());
    client =
        new RestKubeClient(
            new RestClient(
                config,
                KubeClients.httpClient(config),
                RateLimiter.UNLIMITED,
                RetryPolicy.NONE,
                new RecordingSleeper(),
                RequestMetrics.NONE),
            ResourceRegistry.builtIn());
  }

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  /** Records every listener call as text, in order. */
  static final class Recorder implements WatchListener<ConfigMap> {
    final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(EventType type, ConfigMap object) {
      calls.add(
          type
              + " "
              + object.getMetadata().getName()
              + "@"
              + object.getMetadata().getResourceVersion());
    }

    @Override
    public void onError(Status status) {
      calls.add("error " + status.getCode() + " " + status.getReason());
    }

    @Override
    public void onClose(Throwable cause) {
      calls.add(
          "close "
              + (cause == null
                  ? "normal"
                  : cause.getClass().getSimpleName()
                      + (cause instanceof ApiException e ? " " + e.code() : "")));
    }

    String next() throws InterruptedException {
      String call = calls.poll(10, TimeUnit.SECONDS);
      assertThat(call).as("a listener call within 10 s").isNotNull();
      return call;
    }
  }

  private static String event(String type, String name, int rv) {
    return "{\"type\":\""
        + type
        + "\",\"object\":{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\","
        + "\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"ns\",\"resourceVersion\":\""
        + rv
        + "\"}}}";
  }

  private ResourceClient.Watch watch(ListOptions options) {
    return client.resources(ConfigMap.class).watch("ns", options, recorder);
  }

  @Test
  void eventsArriveInOrderAndANormalEndClosesWithoutCause() throws Exception {
    stub.then(StubServer.stream(lines));
    watch(ListOptions.NONE.withResourceVersion("7").withBookmarks(true));
    lines.add(event("ADDED", "a", 8));
    lines.add(event("MODIFIED", "a", 9));
    lines.add("");
    lines.add(
        "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\","
            + "\"metadata\":{\"resourceVersion\":\"10\"}}}");
    lines.add(event("DELETED", "a", 11));
    lines.add(StubServer.END);
    assertThat(recorder.next()).isEqualTo("ADDED a@8");
    assertThat(recorder.next()).isEqualTo("MODIFIED a@9");
    assertThat(recorder.next()).isEqualTo("BOOKMARK null@10");
    assertThat(recorder.next()).isEqualTo("DELETED a@11");
    assertThat(recorder.next()).isEqualTo("close normal");
    assertThat(recorder.calls.poll(200, TimeUnit.MILLISECONDS)).isNull();
    assertThat(stub.requests().get(0).uri())
        .isEqualTo(
            "/api/v1/namespaces/ns/configmaps"
                + "?allowWatchBookmarks=true&resourceVersion=7&watch=true");
  }

  @Test
  void anErrorEventIsReportedThenTheWatchClosesWithThatStatus() throws Exception {
    stub.then(StubServer.stream(lines));
    watch(ListOptions.NONE);
    lines.add(
        "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
            + "\"status\":\"Failure\",\"reason\":\"Expired\",\"code\":410,"
            + "\"message\":\"too old resource version: 5 (9)\"}}");
    lines.add(event("ADDED", "never", 12));
    assertThat(recorder.next()).isEqualTo("error 410 Expired");
    assertThat(recorder.next()).isEqualTo("close ApiException 410");
    assertThat(recorder.calls.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void closingTheWatchEndsItAndCallsOnCloseOnceBeforeReturning() throws Exception {
    stub.then(StubServer.stream(lines));
    ResourceClient.Watch w = watch(ListOptions.NONE);
    lines.add(event("ADDED", "a", 2));
    assertThat(recorder.next()).isEqualTo("ADDED a@2");
    w.close();
    assertThat(recorder.calls.poll()).isEqualTo("close normal");
    w.close();
    lines.add(event("ADDED", "b", 3));
    assertThat(recorder.calls.poll(200, TimeUnit.MILLISECONDS)).isNull();
    assertThat(client.openWatches()).isZero();
  }

  @Test
  void aListenerThatThrowsEndsTheWatchWithItsException() throws Exception {
    stub.then(StubServer.stream(lines));
    BlockingQueue<Throwable> closed = new LinkedBlockingQueue<>();
    client
        .resources(ConfigMap.class)
        .watch(
            "ns",
            ListOptions.NONE,
            new WatchListener<>() {
              @Override
              public void onEvent(EventType type, ConfigMap object) {
                throw new IllegalStateException("handler bug");
              }

              @Override
              public void onClose(Throwable cause) {
                closed.add(cause);
              }
            });
    lines.add(event("ADDED", "a", 2));
    assertThat(closed.poll(10, TimeUnit.SECONDS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("handler bug");
  }

  @Test
  void aStreamThatBreaksClosesWithAConnectionException() throws Exception {
    stub.then(
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          exchange
              .getResponseBody()
              .write((event("ADDED", "a", 2) + "\n{\"type\":\"MOD").getBytes());
          exchange.getResponseBody().flush();
          // the server dies mid-event: the exchange is closed without the last chunk
          exchange.getHttpContext().getServer().stop(0);
        });
    watch(ListOptions.NONE);
    assertThat(recorder.next()).isEqualTo("ADDED a@2");
    assertThat(recorder.next()).isEqualTo("close ConnectionException 503");
  }

  @Test
  void aRefusedWatchRequestThrowsAtOnce() {
    stub.thenJson(
        403,
        "{\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"Forbidden\","
            + "\"code\":403,\"message\":\"configmaps is forbidden\"}");
    ApiException e = catchThrowableOfType(ApiException.class, () -> watch(ListOptions.NONE));
    assertThat(e.isForbidden()).isTrue();
    assertThat(recorder.calls).isEmpty();
  }

  @Test
  void closingTheClientClosesItsWatches() throws Exception {
    stub.then(StubServer.stream(lines));
    watch(ListOptions.NONE);
    assertThat(client.openWatches()).isEqualTo(1);
    client.close();
    assertThat(recorder.next()).isEqualTo("close normal");
    assertThat(client.openWatches()).isZero();
  }

  @Test
  void unknownEventTypesAreSkipped() throws Exception {
    stub.then(StubServer.stream(lines));
    watch(ListOptions.NONE);
    lines.add("{\"type\":\"SOMETHING\",\"object\":{}}");
    lines.add(event("ADDED", "a", 2));
    lines.add(StubServer.END);
    assertThat(recorder.next()).isEqualTo("ADDED a@2");
    assertThat(recorder.next()).isEqualTo("close normal");
  }
}
