package io.minik8s.apiserver.storage.cache;

import static io.minik8s.apiserver.storage.StorageAssertions.await;
import static io.minik8s.apiserver.storage.TestPods.pod;
import static io.minik8s.apiserver.storage.TestPods.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.minik8s.apiserver.storage.RecordingListener;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.StorageException.Reason;
import io.minik8s.apiserver.storage.WatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the watch cache adds to watches: one etcd watch, windows, bookmarks, slow watchers. */
@Timeout(60)
class CacherIT extends CacherFixture {
  @Test
  void hundredWatchersShareOneDelegateWatch() {
    start(CacherOptions.defaults());
    List<RecordingListener> listeners = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      RecordingListener listener = new RecordingListener();
      listeners.add(listener);
      cacher.watch(prefix(null), 0, listener);
    }

    for (int i = 0; i < 5; i++) {
      create(pod("ns", "p" + i));
    }

    await().atMost(DEADLINE).until(() -> listeners.stream().allMatch(l -> l.changes().size() == 5));
    assertThat(counting.watches).hasValue(1);
    assertThat(cacher.watcherCount()).isEqualTo(100);
  }

  @Test
  void slowWatcherIsDroppedWhileFastOnesKeepReceiving() throws Exception {
    start(CacherOptions.defaults().withWatcherQueueSize(10));
    BlockingListener slow = new BlockingListener();
    RecordingListener fast = new RecordingListener();
    cacher.watch(prefix(null), 0, slow);
    cacher.watch(prefix(null), 0, fast);

    for (int i = 0; i < 50; i++) {
      create(pod("ns", "p" + i));
    }

    await().atMost(DEADLINE).until(() -> fast.changes().size() == 50);
    await().atMost(DEADLINE).until(() -> cacher.watcherCount() == 1);
    slow.release();
    await().atMost(DEADLINE).until(() -> slow.error() != null);
    assertThat(slow.error().reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(slow.error().getMessage()).isEqualTo(Cacher.WATCHER_TOO_SLOW);
    assertThat(slow.changes().size()).isLessThan(50);
    assertThat(fast.error()).isNull();
  }

  @Test
  void watchFromInsideTheWindowReplaysFromMemoryAndOlderOnesFallBackToEtcd() {
    start(CacherOptions.defaults().withWindowSize(5));
    List<HasMetadata> created = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      created.add(create(pod("ns", "p" + i)));
    }
    awaitCacheAt(created.get(19));

    RecordingListener recent = new RecordingListener();
    cacher.watch(prefix(null), rv(created.get(16)), recent);
    await().atMost(DEADLINE).until(() -> recent.changes().size() == 3);
    assertThat(counting.watches).hasValue(1);

    RecordingListener old = new RecordingListener();
    cacher.watch(prefix(null), rv(created.get(0)), old);
    await().atMost(DEADLINE).until(() -> old.changes().size() == 19);
    assertThat(counting.watches).hasValue(2);
    assertThat(old.changes().get(0).object().getMetadata().getName()).isEqualTo("p1");
  }

  @Test
  void bookmarksReachOnlyWatchersThatAskedForThem() {
    start(CacherOptions.defaults().withBookmarkInterval(Duration.ofMillis(100)));
    RecordingListener withBookmarks = new RecordingListener();
    RecordingListener without = new RecordingListener();
    cacher.watch(prefix("quiet"), 0, withBookmarks, true);
    cacher.watch(prefix("quiet"), 0, without, false);

    HasMetadata elsewhere = create(pod("busy", "p"));

    await()
        .atMost(DEADLINE)
        .until(
            () ->
                withBookmarks.events().stream()
                    .anyMatch(
                        e ->
                            e.type() == WatchEvent.Type.BOOKMARK && e.revision() >= rv(elsewhere)));
    WatchEvent bookmark = withBookmarks.events().get(withBookmarks.events().size() - 1);
    assertThat(bookmark.object()).isInstanceOf(Pod.class);
    assertThat(bookmark.object().getMetadata().getResourceVersion())
        .isEqualTo(Long.toString(bookmark.revision()));
    assertThat(withBookmarks.changes()).isEmpty();
    assertThat(without.events()).isEmpty();
    assertThat(cacher.bookmark().revision()).isEqualTo(cacher.currentCacheRevision());
  }

  @Test
  void lostDelegateWatchEndsWatchersAndReLists() {
    start(CacherOptions.defaults());
    RecordingListener before = new RecordingListener();
    cacher.watch(prefix(null), 0, before);

    counting.watchListeners.get(0).onError(new StorageException(Reason.GONE, null, "compacted"));

    await().atMost(DEADLINE).until(() -> before.error() != null);
    assertThat(before.error().getMessage()).isEqualTo(Cacher.CACHE_REINITIALIZING);
    await().atMost(DEADLINE).until(() -> counting.watches.get() == 2);
    assertThat(counting.lists).hasValue(2);
    RecordingListener after = new RecordingListener();
    cacher.watch(prefix(null), 0, after);
    create(pod("ns", "p"));
    await().atMost(DEADLINE).until(() -> after.changes().size() == 1);
    assertThat(counting.watches).hasValue(2);
  }

  @Test
  void closingTheCacheEndsItsWatchers() {
    start(CacherOptions.defaults());
    RecordingListener listener = new RecordingListener();
    cacher.watch(prefix(null), 0, listener);

    cacher.close();

    await().atMost(DEADLINE).until(() -> listener.error() != null);
    assertThat(listener.error().reason()).isEqualTo(Reason.UNAVAILABLE);
  }

  /** A listener stuck in its first event until released, as a slow client is. */
  private static final class BlockingListener extends RecordingListener {
    private final CountDownLatch latch = new CountDownLatch(1);

    @Override
    public void onEvent(WatchEvent event) {
      try {
        latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      super.onEvent(event);
    }

    void release() {
      latch.countDown();
    }
  }
}
