package io.minik8s.apiserver.storage.cache;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Cacher} sizes its buffers and paces its timers.
 *
 * @param windowSize recent events kept for watchers resuming from a revision (upstream starts at
 *     100 and grows adaptively up to 100,000; a fixed window here)
 * @param watcherQueueSize events buffered per watcher before it is dropped as too slow
 * @param bookmarkInterval how often watchers that asked for bookmarks get one, when the cache's
 *     revision moved past the last event they received (upstream: about every minute)
 * @param freshnessTimeout how long a list "not older than N" waits for the cache to reach N before
 *     failing with TOO_LARGE_RESOURCE_VERSION (upstream: 3 s)
 * @param relistBackoff the pause before re-listing after the delegate's watch failed
 * @param indexedFields selectable fields (e.g. "spec.nodeName") to index, besides the namespace
 * @param progressRequester asks the delegate's watch to report progress (etcd progress
 *     notifications, e.g. {@code etcdStorage::requestProgress}), so a quiet resource's cache learns
 *     it is fresh; null when the delegate cannot
 */
public record CacherOptions(
    int windowSize,
    int watcherQueueSize,
    Duration bookmarkInterval,
    Duration freshnessTimeout,
    Duration relistBackoff,
    List<String> indexedFields,
    Runnable progressRequester) {

  public CacherOptions {
    if (windowSize < 1 || watcherQueueSize < 1) {
      throw new IllegalArgumentException("window and queue sizes must be positive");
    }
    Objects.requireNonNull(bookmarkInterval);
    Objects.requireNonNull(freshnessTimeout);
    Objects.requireNonNull(relistBackoff);
    indexedFields = List.copyOf(indexedFields);
  }

  /** A 1000-event window and queues, bookmarks every second, 3 s freshness wait, no indexes. */
  public static CacherOptions defaults() {
    return new CacherOptions(
        1000,
        1000,
        Duration.ofSeconds(1),
        Duration.ofSeconds(3),
        Duration.ofMillis(500),
        List.of(),
        null);
  }

  public CacherOptions withIndexedFields(List<String> fields) {
    return new CacherOptions(
        windowSize,
        watcherQueueSize,
        bookmarkInterval,
        freshnessTimeout,
        relistBackoff,
        fields,
        progressRequester);
  }

  public CacherOptions withProgressRequester(Runnable requester) {
    return new CacherOptions(
        windowSize,
        watcherQueueSize,
        bookmarkInterval,
        freshnessTimeout,
        relistBackoff,
        indexedFields,
        requester);
  }

  public CacherOptions withWindowSize(int size) {
    return new CacherOptions(
        size,
        watcherQueueSize,
        bookmarkInterval,
        freshnessTimeout,
        relistBackoff,
        indexedFields,
        progressRequester);
  }

  public CacherOptions withWatcherQueueSize(int size) {
    return new CacherOptions(
        windowSize,
        size,
        bookmarkInterval,
        freshnessTimeout,
        relistBackoff,
        indexedFields,
        progressRequester);
  }

  public CacherOptions withBookmarkInterval(Duration interval) {
    return new CacherOptions(
        windowSize,
        watcherQueueSize,
        interval,
        freshnessTimeout,
        relistBackoff,
        indexedFields,
        progressRequester);
  }
}
