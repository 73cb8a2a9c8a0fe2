package io.minik8s.client.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records what a handler is told as lines such as "add default/a@101 initial", "update
 * default/a@101->102" or "delete default/a@101 unknown", for tests to read in order with a
 * deadline.
 */
final class RecordingHandler<T extends HasMetadata> implements ResourceEventHandler<T> {
  private static final long DEADLINE_SECONDS = 10;
  private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();

  @Override
  public void onAdd(T obj, boolean isInInitialList) {
    record("add " + id(obj) + (isInInitialList ? " initial" : ""));
  }

  @Override
  public void onUpdate(T oldObj, T newObj) {
    record("update " + id(oldObj) + "->" + newObj.getMetadata().getResourceVersion());
  }

  @Override
  public void onDelete(T obj, boolean deletedFinalStateUnknown) {
    record("delete " + id(obj) + (deletedFinalStateUnknown ? " unknown" : ""));
  }

  /** The next {@code n} lines, failing if they do not all arrive within the deadline. */
  List<String> next(int n) {
    List<String> lines = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        String line = events.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertThat(line).as("event %d of %d after %s", i + 1, n, lines).isNotNull();
        lines.add(line);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return lines;
  }

  String next() {
    return next(1).get(0);
  }

  /** Every line recorded so far, including those already read. */
  synchronized List<String> all() {
    return List.copyOf(all);
  }

  private synchronized void record(String line) {
    all.add(line);
    events.add(line);
  }

  private static String id(HasMetadata obj) {
    return Cache.metaNamespaceKey(obj) + "@" + obj.getMetadata().getResourceVersion();
  }
}
