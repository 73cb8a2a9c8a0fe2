package io.minik8s.apiserver.storage.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.ListResult;
import io.minik8s.apiserver.storage.WatchEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The cache's state: the current objects by key, the indexes over them, a bounded window of the
 * newest events and the registered watchers. Every method runs under this object's lock, which is
 * what lets a new watcher take the window's events and join the live stream without a gap.
 */
final class WatchCache {
  private final String resourcePrefix;
  private final int windowSize;
  private final NavigableMap<String, HasMetadata> objects = new TreeMap<>();
  private final Map<String, Index> indexes;
  private final ArrayDeque<WatchEvent> window = new ArrayDeque<>();
  private final Set<CacheWatcher> watchers = new HashSet<>();
  private long revision;
  private boolean synced;

  /** Events after this revision are all in the window; older ones may be missing. */
  private long windowStart;

  /**
   * @param indexers index name (a field such as "metadata.namespace") → value of an object
   */
  WatchCache(
      String resourcePrefix, int windowSize, Map<String, Function<HasMetadata, String>> indexers) {
    this.resourcePrefix = resourcePrefix;
    this.windowSize = windowSize;
    Map<String, Index> built = new HashMap<>();
    indexers.forEach((name, extractor) -> built.put(name, new Index(extractor)));
    this.indexes = Map.copyOf(built);
  }

  /**
   * Replaces the content with a fresh list read at {@code listRevision}. The window restarts empty:
   * watchers older than the list cannot be served from it.
   */
  synchronized void replace(Map<String, HasMetadata> items, long listRevision) {
    objects.clear();
    indexes.values().forEach(Index::clear);
    items.forEach(this::put);
    window.clear();
    revision = listRevision;
    windowStart = listRevision;
    synced = true;
  }

  /**
   * Marks the content stale (the delegate watch failed) and removes every watcher, for the caller
   * to end: they would otherwise straddle the gap until the next list.
   */
  synchronized List<CacheWatcher> invalidate() {
    synced = false;
    return drainWatchers();
  }

  synchronized boolean isSynced() {
    return synced;
  }

  /** Applies one delegate event and fans it out; BOOKMARKs only move the revision forward. */
  synchronized void apply(WatchEvent event) {
    if (event.type() == WatchEvent.Type.BOOKMARK) {
      revision = Math.max(revision, event.revision());
      return;
    }
    // one etcd transaction may change several keys at the same revision
    if (event.revision() < revision) {
      return;
    }
    revision = event.revision();
    HasMetadata old =
        event.type() == WatchEvent.Type.DELETED
            ? objects.remove(event.key())
            : objects.put(event.key(), event.object());
    if (old != null) {
      indexes.values().forEach(index -> index.remove(event.key(), old));
    }
    if (event.type() != WatchEvent.Type.DELETED) {
      indexes.values().forEach(index -> index.add(event.key(), event.object()));
    }
    if (window.size() == windowSize) {
      windowStart = window.removeFirst().revision();
    }
    window.addLast(event);
    for (CacheWatcher watcher : List.copyOf(watchers)) {
      watcher.offer(event);
    }
  }

  synchronized long revision() {
    return revision;
  }

  /**
   * Registers a watcher built from the window events after {@code afterRevision} (0: from now), or
   * returns null when events after it have left the window or the cache is not synced.
   */
  synchronized CacheWatcher register(long afterRevision, WatcherFactory factory) {
    long from = afterRevision == 0 ? revision : afterRevision;
    if (!synced || from < windowStart) {
      return null;
    }
    List<WatchEvent> replay = new ArrayList<>();
    for (WatchEvent event : window) {
      if (event.revision() > from) {
        replay.add(event);
      }
    }
    CacheWatcher watcher = factory.create(from, replay);
    watchers.add(watcher);
    return watcher;
  }

  synchronized void unregister(CacheWatcher watcher) {
    watchers.remove(watcher);
  }

  /** Sends a bookmark at the current revision to every watcher that asked for them. */
  synchronized void bookmarkAll() {
    for (CacheWatcher watcher : List.copyOf(watchers)) {
      watcher.bookmark(revision);
    }
  }

  /** Removes every watcher, for the caller to end. */
  synchronized List<CacheWatcher> drainWatchers() {
    List<CacheWatcher> all = List.copyOf(watchers);
    watchers.clear();
    return all;
  }

  synchronized int watcherCount() {
    return watchers.size();
  }

  /**
   * Objects under {@code prefix} that satisfy the request's index hints and predicate, in key
   * order, scanning only the smallest matching index bucket; with the revision they are current at.
   */
  synchronized ListResult list(String prefix, ListRequest request) {
    Set<String> bucket = null;
    if (!prefix.startsWith(resourcePrefix)) {
      return new ListResult(List.of(), revision, null, null);
    }
    if (!prefix.equals(resourcePrefix) && indexes.containsKey(Cacher.NAMESPACE_FIELD)) {
      String namespace = prefix.substring(resourcePrefix.length(), prefix.length() - 1);
      bucket = indexes.get(Cacher.NAMESPACE_FIELD).keys(namespace);
    }
    for (Map.Entry<String, String> hint : request.indexHints().entrySet()) {
      Index index = indexes.get(hint.getKey());
      if (index != null) {
        Set<String> keys = index.keys(hint.getValue());
        if (bucket == null || keys.size() < bucket.size()) {
          bucket = keys;
        }
      }
    }
    Iterable<String> candidates =
        bucket == null
            ? objects.subMap(prefix, true, prefix + Character.MAX_VALUE, false).keySet()
            : new TreeSet<>(bucket);
    List<HasMetadata> items = new ArrayList<>();
    for (String key : candidates) {
      HasMetadata object = objects.get(key);
      if (key.startsWith(prefix) && request.predicate().test(object)) {
        items.add(object);
      }
    }
    return new ListResult(items, revision, null, null);
  }

  /** Keys by the value one field has. */
  private static final class Index {
    private final Function<HasMetadata, String> extractor;
    private final Map<String, Set<String>> byValue = new HashMap<>();

    Index(Function<HasMetadata, String> extractor) {
      this.extractor = extractor;
    }

    void add(String key, HasMetadata object) {
      byValue.computeIfAbsent(value(object), v -> new HashSet<>()).add(key);
    }

    void remove(String key, HasMetadata object) {
      String value = value(object);
      Set<String> keys = byValue.get(value);
      if (keys != null && keys.remove(key) && keys.isEmpty()) {
        byValue.remove(value);
      }
    }

    Set<String> keys(String value) {
      return byValue.getOrDefault(value, Set.of());
    }

    void clear() {
      byValue.clear();
    }

    private String value(HasMetadata object) {
      String value = extractor.apply(object);
      return value == null ? "" : value;
    }
  }

  private void put(String key, HasMetadata object) {
    objects.put(key, object);
    indexes.values().forEach(index -> index.add(key, object));
  }

  /** Creates a watcher once its start revision and replay are known, under the cache lock. */
  @FunctionalInterface
  interface WatcherFactory {
    CacheWatcher create(long afterRevision, List<WatchEvent> replay);
  }
}
