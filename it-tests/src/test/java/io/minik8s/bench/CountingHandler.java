package io.minik8s.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.minik8s.client.cache.ResourceEventHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An informer handler that counts adds until it has the expected number and times each from the
 * Pod's sent-at annotation ({@link Api#SENT_ANNOTATION}) to the handler call.
 */
final class CountingHandler implements ResourceEventHandler<Pod> {
  private final Histogram delays;
  private final AtomicInteger seen = new AtomicInteger();
  private final CompletableFuture<Void> complete = new CompletableFuture<>();
  private volatile int expected = Integer.MAX_VALUE;
  private volatile long lastNanos;

  CountingHandler(Histogram delays) {
    this.delays = delays;
  }

  /** Sets how many adds complete it (known once the writes are done). */
  void expect(int events) {
    expected = events;
    if (seen.get() >= events) {
      complete.complete(null);
    }
  }

  CompletableFuture<Void> complete() {
    return complete;
  }

  /** System.nanoTime() of the last add. */
  long lastNanos() {
    return lastNanos;
  }

  @Override
  public void onAdd(Pod pod, boolean isInInitialList) {
    long now = System.nanoTime();
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String sent = annotations == null ? null : annotations.get(Api.SENT_ANNOTATION);
    if (sent != null) {
      delays.record(now - Long.parseLong(sent));
    }
    lastNanos = now;
    if (seen.incrementAndGet() >= expected) {
      complete.complete(null);
    }
  }
}
