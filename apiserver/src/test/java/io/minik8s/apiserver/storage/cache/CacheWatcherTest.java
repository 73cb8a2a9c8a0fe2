package io.minik8s.apiserver.storage.cache;

import static io.minik8s.apiserver.storage.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.apiserver.storage.RecordingListener;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.WatchEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CacheWatcherTest {
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private final RecordingListener listener = new RecordingListener();
  private final AtomicBoolean unregistered = new AtomicBoolean();

  private CacheWatcher watcher(String prefix, int capacity, List<WatchEvent> replay) {
    return new CacheWatcher(
        prefix,
        0,
        listener,
        false,
        capacity,
        replay,
        tasks::add,
        rev -> pod("", ""),
        w -> unregistered.set(true));
  }

  private static WatchEvent event(String key, long revision) {
    return new WatchEvent(WatchEvent.Type.ADDED, key, pod("ns", "p"), null, revision);
  }

  private void runTasks() {
    while (!tasks.isEmpty()) {
      tasks.poll().run();
    }
  }

  @Test
  void aWatcherWhoseQueueIsFullIsEndedAndGetsOnlyTheError() {
    CacheWatcher watcher = watcher("/p/", 3, List.of());

    for (long rev = 1; rev <= 4; rev++) {
      watcher.offer(event("/p/ns/a", rev));
    }
    runTasks();

    assertThat(listener.events()).isEmpty();
    assertThat(listener.error().reason()).isEqualTo(StorageException.Reason.UNAVAILABLE);
    assertThat(listener.error().getMessage()).isEqualTo(Cacher.WATCHER_TOO_SLOW);
    assertThat(unregistered).isTrue();
  }

  @Test
  void replayDoesNotCountAgainstTheQueueAndEventsOutsideThePrefixAreSkipped() {
    CacheWatcher watcher =
        watcher(
            "/p/ns/", 2, List.of(event("/p/ns/a", 1), event("/p/ns/b", 2), event("/p/ns/c", 3)));

    watcher.offer(event("/p/other/x", 4));
    watcher.offer(event("/p/ns/d", 5));
    watcher.offer(event("/p/ns/e", 6));
    runTasks();

    assertThat(listener.events())
        .extracting(WatchEvent::revision)
        .containsExactly(1L, 2L, 3L, 5L, 6L);
    assertThat(listener.error()).isNull();
  }

  @Test
  void aClosedWatcherDeliversNothing() {
    CacheWatcher watcher = watcher("/p/", 10, List.of());
    watcher.offer(event("/p/ns/a", 1));

    watcher.close();
    watcher.offer(event("/p/ns/b", 2));
    runTasks();

    assertThat(listener.events()).isEmpty();
    assertThat(unregistered).isTrue();
  }
}
