package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A handler that writes down, per object key, what it was told: "ADDED@rv", "MODIFIED@old->new",
 * "DELETED" or, for a deletion found by a re-list, "DELETED(final state unknown)". {@link History}
 * writes the expected lines in the same form.
 */
final class KeyedRecorder<T extends HasMetadata> implements ResourceEventHandler<T> {
  private final Map<String, List<String>> seen = new HashMap<>();

  @Override
  public synchronized void onAdd(T obj, boolean isInInitialList) {
    line(obj, "ADDED@" + rv(obj));
  }

  @Override
  public synchronized void onUpdate(T oldObj, T newObj) {
    line(newObj, "MODIFIED@" + rv(oldObj) + "->" + rv(newObj));
  }

  @Override
  public synchronized void onDelete(T obj, boolean deletedFinalStateUnknown) {
    line(obj, deletedFinalStateUnknown ? "DELETED(final state unknown)" : "DELETED");
  }

  /** A snapshot, keys sorted. */
  synchronized Map<String, List<String>> seen() {
    Map<String, List<String>> copy = new TreeMap<>();
    seen.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }

  private void line(T obj, String line) {
    seen.computeIfAbsent(Cache.metaNamespaceKey(obj), k -> new ArrayList<>()).add(line);
  }

  private static String rv(HasMetadata obj) {
    return obj.getMetadata().getResourceVersion();
  }
}
