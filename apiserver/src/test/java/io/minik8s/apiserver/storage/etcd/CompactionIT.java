package io.minik8s.apiserver.storage.etcd;

import static io.minik8s.apiserver.storage.StorageAssertions.await;
import static io.minik8s.apiserver.storage.StorageAssertions.failure;
import static io.minik8s.apiserver.storage.TestEtcd.PODS;
import static io.minik8s.apiserver.storage.TestPods.pod;
import static io.minik8s.apiserver.storage.TestPods.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.RecordingListener;
import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.StorageException.Reason;
import io.minik8s.apiserver.storage.TestEtcd;
import io.minik8s.testing.EtcdServer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What clients see once etcd compacted the revision they ask for, and the compactor itself. */
@Timeout(60)
class CompactionIT {
  private String etcdPrefix;
  private EtcdStorage storage;

  @BeforeEach
  void createStorage() {
    etcdPrefix = TestEtcd.uniquePrefix();
    storage = new EtcdStorage(TestEtcd.client(), PODS);
  }

  @AfterEach
  void closeStorage() {
    storage.close();
  }

  private HasMetadata create(String name) {
    return await(storage.create(PODS.etcdKey(etcdPrefix, "ns", name), pod("ns", name), 0));
  }

  private String prefix() {
    return PODS.etcdPrefix(etcdPrefix, null);
  }

  private void compactToNow() {
    await(TestEtcd.client().getKVClient().compact(await(storage.currentRevision())));
  }

  private StorageException watchError(long afterRevision) {
    RecordingListener listener = new RecordingListener();
    Storage.Watch watch = storage.watch(prefix(), afterRevision, listener);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> listener.error() != null);
      return listener.error();
    } finally {
      watch.close();
    }
  }

  @Test
  void watchFromACompactedRevisionEndsWithGone() {
    HasMetadata a = create("a");
    create("b");
    create("c");
    compactToNow();

    StorageException error = watchError(rv(a));

    assertThat(error.reason()).isEqualTo(Reason.GONE);
    assertThat(error.getMessage()).matches("too old resource version: " + rv(a) + " \\(\\d+\\)");
  }

  @Test
  void continueTokenOfACompactedRevisionFailsWithGone() {
    create("a");
    create("b");
    String token =
        await(storage.list(prefix(), new ListRequest(null, null, 1, null, null, null)))
            .continueToken();
    create("c");
    compactToNow();

    StorageException error =
        failure(
            storage.list(prefix(), new ListRequest(null, null, 1, token, null, null)), Reason.GONE);

    assertThat(error.getMessage()).startsWith("The provided continue parameter is too old");
  }

  @Test
  void exactListAtACompactedRevisionFailsWithGone() {
    HasMetadata a = create("a");
    create("b");
    compactToNow();

    StorageException error =
        failure(
            storage.list(
                prefix(),
                new ListRequest(
                    a.getMetadata().getResourceVersion(), "Exact", 0, null, null, null)),
            Reason.GONE);

    assertThat(error.getMessage())
        .isEqualTo("The resourceVersion for the provided list is too old.");
  }

  @Test
  void compactorCompactsWhatItSawOneIntervalEarlier() {
    HasMetadata old = create("old");
    create("newer");
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try (Compactor compactor =
        new Compactor(TestEtcd.client().getKVClient(), Duration.ofMillis(200), executor)) {
      compactor.start();

      ListRequest atOld =
          new ListRequest(old.getMetadata().getResourceVersion(), "Exact", 0, null, null, null);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  storage
                      .list(prefix(), atOld)
                      .handle(
                          (ok, e) -> e instanceof StorageException s && s.reason() == Reason.GONE)
                      .get());
    } finally {
      executor.shutdownNow();
    }

    assertThat(watchError(rv(old) - 1).reason()).isEqualTo(Reason.GONE);
    assertThat(EtcdServer.shared().etcdctl("get", Compactor.COMPACT_REV_KEY, "--print-value-only"))
        .matches("(?s)\\d+\\s*");
  }
}
