package io.minik8s.apiserver.storage.cache;

import static io.minik8s.apiserver.storage.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.RecordingListener;
import io.minik8s.apiserver.storage.WatchEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WatchCacheTest {
  private static final String PODS = "/registry/pods/";

  private final WatchCache cache =
      new WatchCache(
          PODS,
          3,
          Map.<String, Function<HasMetadata, String>>of(
              Cacher.NAMESPACE_FIELD, o -> o.getMetadata().getNamespace()));

  private static WatchEvent added(String namespace, String name, long revision) {
    Pod pod = pod(namespace, name);
    pod.getMetadata().setResourceVersion(Long.toString(revision));
    return new WatchEvent(
        WatchEvent.Type.ADDED, PODS + namespace + "/" + name, pod, null, revision);
  }

  private CacheWatcher register(long after, RecordingListener listener, boolean bookmarks) {
    return cache.register(
        after,
        (from, replay) ->
            new CacheWatcher(
                PODS,
                from,
                listener,
                bookmarks,
                100,
                replay,
                Runnable::run,
                rev -> pod("", ""),
                cache::unregister));
  }

  private static List<Long> revisions(RecordingListener listener) {
    return listener.events().stream().map(WatchEvent::revision).toList();
  }

  @Test
  void watcherFromInsideTheWindowGetsTheRestOfTheWindowThenLiveEvents() {
    cache.replace(Map.of(), 10);
    for (long rev = 11; rev <= 13; rev++) {
      cache.apply(added("ns", "p" + rev, rev));
    }
    RecordingListener listener = new RecordingListener();

    register(11, listener, false);
    cache.apply(added("ns", "p14", 14));

    assertThat(revisions(listener)).containsExactly(12L, 13L, 14L);
  }

  @Test
  void watcherFromBeforeTheWindowOrAnUnsyncedCacheIsRefused() {
    cache.replace(Map.of(), 10);
    for (long rev = 11; rev <= 15; rev++) {
      cache.apply(added("ns", "p" + rev, rev));
    }

    assertThat(register(11, new RecordingListener(), false)).isNull();
    assertThat(register(12, new RecordingListener(), false)).isNotNull();
    cache.invalidate();
    assertThat(register(15, new RecordingListener(), false)).isNull();
  }

  @Test
  void watcherFromZeroStartsAtTheCurrentRevision() {
    cache.replace(Map.of(), 10);
    cache.apply(added("ns", "a", 11));
    RecordingListener listener = new RecordingListener();

    register(0, listener, false);
    cache.apply(added("ns", "b", 12));

    assertThat(revisions(listener)).containsExactly(12L);
  }

  @Test
  void listOfANamespaceUsesItsBucketInKeyOrderAndForgetsDeletedObjects() {
    cache.replace(
        Map.of(
            PODS + "a/y", pod("a", "y"), PODS + "b/z", pod("b", "z"), PODS + "a/x", pod("a", "x")),
        10);
    WatchEvent w = added("a", "w", 11);
    cache.apply(w);
    cache.apply(new WatchEvent(WatchEvent.Type.DELETED, PODS + "a/y", pod("a", "y"), null, 12));

    var inA = cache.list(PODS + "a/", new ListRequest("0", null, 0, null, null, null));
    var all = cache.list(PODS, new ListRequest("0", null, 0, null, null, null));

    assertThat(inA.items()).extracting(o -> o.getMetadata().getName()).containsExactly("w", "x");
    assertThat(inA.revision()).isEqualTo(12);
    assertThat(all.items())
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("w", "x", "z");
  }

  @Test
  void bookmarksGoOnlyToWatchersThatAskedAndOnlyWhenTheRevisionMoved() {
    cache.replace(Map.of(), 10);
    RecordingListener asked = new RecordingListener();
    RecordingListener notAsked = new RecordingListener();
    register(0, asked, true);
    register(0, notAsked, false);

    cache.bookmarkAll();
    cache.apply(new WatchEvent(WatchEvent.Type.BOOKMARK, null, pod("", ""), null, 20));
    cache.bookmarkAll();
    cache.bookmarkAll();

    assertThat(asked.events())
        .extracting(WatchEvent::type)
        .containsExactly(WatchEvent.Type.BOOKMARK);
    assertThat(revisions(asked)).containsExactly(20L);
    assertThat(notAsked.events()).isEmpty();
  }
}
