package io.minik8s.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One watcher as a client library would run it: a watch from a resourceVersion, re-opened from
 * the last resourceVersion it saw whenever the server ends the stream (as it does to a watcher
 * that falls behind). It reads each event's resourceVersion and the Pod's sent-at annotation
 * straight from the bytes, records the delay, and counts events until it has the expected number.
 */
final class WatchClient {
  private static final byte[] RESOURCE_VERSION =
      "\"resourceVersion\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SENT =
      ("\"" + Api.SENT_ANNOTATION + "\":\"").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ERROR = "{\"type\":\"ERROR\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BOOKMARK =
      "{\"type\":\"BOOKMARK\"".getBytes(StandardCharsets.US_ASCII);

  private final HttpClient http;
  private final String watchPath;
  private final Histogram delays;
  private volatile int expected = Integer.MAX_VALUE;
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private final CompletableFuture<Void> complete = new CompletableFuture<>();
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger reopened = new AtomicInteger();
  private volatile long lastResourceVersion;
  private volatile long lastEventNanos;
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;

  WatchClient(HttpClient http, String base, String namespace, Histogram delays) {
    this.http = http;
    this.watchPath = base + "/api/v1/namespaces/" + namespace + "/pods?watch=true";
    this.delays = delays;
  }

  /** Sets how many events make this watcher complete (known once the writes are done). */
  void expect(int events) {
    expected = events;
    if (received.get() >= events) {
      complete.complete(null);
    }
  }

  /** Watches from {@code resourceVersion}; {@link #connected()} completes on the first answer. */
  void start(long resourceVersion) {
    lastResourceVersion = resourceVersion;
    open();
  }

  private void open() {
    HttpRequest request = HttpRequest.newBuilder(
        URI.create(watchPath + "&resourceVersion=" + lastResourceVersion)).GET().build();
    http.sendAsync(request, info -> {
      if (info.statusCode() != 200) {
        complete.completeExceptionally(new IllegalStateException(
            "watch answered HTTP " + info.statusCode()));
      }
      connected.complete(null);
      return HttpResponse.BodySubscribers.fromSubscriber(new Lines());
    }).whenComplete((response, error) -> {
      if (closed || complete.isDone()) {
        return;
      }
      if (error != null && !connected.isDone()) {
        connected.completeExceptionally(error);
        complete.completeExceptionally(error);
        return;
      }
      // the server ended the stream (e.g. this watcher fell behind): resume where it stopped
      reopened.incrementAndGet();
      open();
    });
  }

  CompletableFuture<Void> connected() {
    return connected;
  }

  CompletableFuture<Void> complete() {
    return complete;
  }

  int received() {
    return received.get();
  }

  int reopened() {
    return reopened.get();
  }

  long lastEventNanos() {
    return lastEventNanos;
  }

  void close() {
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  private void onLine(byte[] line, int length, long now) {
    if (startsWith(line, length, BOOKMARK)) {
      return;
    }
    if (startsWith(line, length, ERROR)) {
      complete.completeExceptionally(new IllegalStateException("watch ERROR event: "
          + new String(line, 0, Math.min(length, 300), StandardCharsets.UTF_8)));
      return;
    }
    long rv = number(line, length, RESOURCE_VERSION);
    if (rv <= lastResourceVersion) {
      return; // already seen before the stream was re-opened
    }
    long sent = number(line, length, SENT);
    if (sent > 0) {
      delays.record(now - sent);
    }
    lastResourceVersion = rv;
    lastEventNanos = now;
    if (received.incrementAndGet() >= expected) {
      complete.complete(null);
    }
  }

  private static boolean startsWith(byte[] line, int length, byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The decimal digits after the first occurrence of {@code marker}, or -1. */
  private static long number(byte[] line, int length, byte[] marker) {
    outer:
    for (int i = 0; i + marker.length <= length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (line[i + j] != marker[j]) {
          continue outer;
        }
      }
      long value = 0;
      for (int k = i + marker.length; k < length && line[k] >= '0' && line[k] <= '9'; k++) {
        value = value * 10 + (line[k] - '0');
      }
      return value;
    }
    return -1;
  }

  /** Splits the body into lines (one watch event each) without decoding it to text. */
  private final class Lines implements Flow.Subscriber<List<ByteBuffer>> {
    private byte[] line = new byte[8192];
    private int length;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      long now = System.nanoTime();
      for (ByteBuffer buffer : buffers) {
        for (int i = buffer.position(); i < buffer.limit(); i++) {
          byte b = buffer.get(i);
          if (b == '\n') {
            onLine(line, length, now);
            length = 0;
          } else {
            if (length == line.length) {
              line = java.util.Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = b;
          }
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      // the stream broke: open() re-watches from the last resourceVersion
    }

    @Override
    public void onComplete() {}
  }
}
