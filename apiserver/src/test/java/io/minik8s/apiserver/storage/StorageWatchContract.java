package io.minik8s.apiserver.storage;

import static io.minik8s.apiserver.storage.StorageAssertions.await;
import static io.minik8s.apiserver.storage.TestEtcd.PODS;
import static io.minik8s.apiserver.storage.TestPods.count;
import static io.minik8s.apiserver.storage.TestPods.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The watch part of the {@link Storage} contract suite (see {@link StorageContractTest}). */
public abstract class StorageWatchContract extends StorageWriteContract {

  @Test
  void watchDeliversChangesInRevisionOrderWithTheLastStateOnDelete() {
    RecordingListener listener = new RecordingListener();
    long start = await(storage.currentRevision());
    Storage.Watch watch = storage.watch(podsPrefix(), start, listener);
    try {
      HasMetadata created = create("ns", "a");
      HasMetadata updated =
          await(
              storage.guaranteedUpdate(key("ns", "a"), Preconditions.NONE, TestPods::incremented));
      await(storage.delete(key("ns", "a"), Preconditions.NONE));
      long deletedAt = await(storage.currentRevision());

      await().atMost(Duration.ofSeconds(10)).until(() -> listener.changes().size() >= 3);
      List<WatchEvent> events = listener.changes();
      assertThat(events)
          .extracting(WatchEvent::type)
          .containsExactly(
              WatchEvent.Type.ADDED, WatchEvent.Type.MODIFIED, WatchEvent.Type.DELETED);
      assertThat(events).extracting(WatchEvent::key).containsOnly(key("ns", "a"));
      assertThat(events.get(0).object()).isEqualTo(created);
      assertThat(events.get(1).object()).isEqualTo(updated);
      assertThat(events.get(1).prevObject()).isEqualTo(created);
      WatchEvent deleted = events.get(2);
      assertThat(count(deleted.object())).isEqualTo(1);
      assertThat(deleted.revision()).isEqualTo(deletedAt);
      assertThat(rv(deleted.object())).isEqualTo(deletedAt);
      assertThat(listener.error()).isNull();
    } finally {
      watch.close();
    }
  }

  @Test
  void watchFromARevisionReplaysOnlyLaterChanges() {
    HasMetadata a = create("ns", "a");
    create("ns", "b");
    create("ns", "c");
    RecordingListener listener = new RecordingListener();

    Storage.Watch watch = storage.watch(podsPrefix(), rv(a), listener);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> listener.changes().size() >= 2);
      assertThat(listener.changes())
          .extracting(e -> e.object().getMetadata().getName())
          .containsExactly("b", "c");
    } finally {
      watch.close();
    }
  }

  @Test
  void watchOfANamespaceSeesOnlyThatNamespace() {
    RecordingListener listener = new RecordingListener();
    long start = await(storage.currentRevision());
    Storage.Watch watch = storage.watch(PODS.etcdPrefix(etcdPrefix, "ns1"), start, listener);
    try {
      create("ns2", "x");
      create("ns1", "a");
      create("ns10", "y");
      create("ns1", "b");

      await().atMost(Duration.ofSeconds(10)).until(() -> listener.changes().size() >= 2);
      assertThat(listener.changes())
          .extracting(e -> e.object().getMetadata().getName())
          .containsExactly("a", "b");
    } finally {
      watch.close();
    }
  }

  @Test
  void closedWatchDeliversNothingMore() {
    RecordingListener listener = new RecordingListener();
    Storage.Watch watch = storage.watch(podsPrefix(), await(storage.currentRevision()), listener);
    create("ns", "a");
    await().atMost(Duration.ofSeconds(10)).until(() -> listener.changes().size() == 1);

    watch.close();
    create("ns", "b");
    HasMetadata last = create("ns", "c");

    RecordingListener after = new RecordingListener();
    Storage.Watch probe = storage.watch(podsPrefix(), rv(last) - 1, after);
    await().atMost(Duration.ofSeconds(10)).until(() -> after.changes().size() == 1);
    probe.close();
    assertThat(listener.changes()).hasSize(1);
  }
}
