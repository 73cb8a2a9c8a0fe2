package io.minik8s.apiserver.storage;

import static io.minik8s.apiserver.storage.StorageAssertions.await;
import static io.minik8s.apiserver.storage.StorageAssertions.failure;
import static io.minik8s.apiserver.storage.TestEtcd.PODS;
import static io.minik8s.apiserver.storage.TestPods.count;
import static io.minik8s.apiserver.storage.TestPods.pod;
import static io.minik8s.apiserver.storage.TestPods.rv;
import static io.minik8s.apiserver.storage.TestPods.withLabel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.minik8s.apiserver.storage.StorageException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writes part of the {@link Storage} contract suite (see {@link StorageContractTest}), with the
 * suite's setup: each test gets a fresh key prefix, so tests share one etcd.
 */
public abstract class StorageWriteContract {
  protected Storage storage;
  protected String etcdPrefix;

  /** A storage of pods whose keys live under {@code etcdPrefix} (in place of "/registry"). */
  protected abstract Storage newStorage(String etcdPrefix) throws Exception;

  @BeforeEach
  void createStorage() throws Exception {
    etcdPrefix = TestEtcd.uniquePrefix();
    storage = newStorage(etcdPrefix);
  }

  @AfterEach
  void closeStorage() {
    storage.close();
  }

  protected String key(String namespace, String name) {
    return PODS.etcdKey(etcdPrefix, namespace, name);
  }

  protected String podsPrefix() {
    return PODS.etcdPrefix(etcdPrefix, null);
  }

  protected HasMetadata create(String namespace, String name) {
    return await(storage.create(key(namespace, name), pod(namespace, name), 0));
  }

  @Test
  void createdObjectsComeBackWithTheirRevisionAsResourceVersion() {
    Pod pod = pod("ns", "a");
    pod.getMetadata().setResourceVersion("12345");

    HasMetadata created = await(storage.create(key("ns", "a"), pod, 0));
    HasMetadata read = await(storage.get(key("ns", "a")));

    assertThat(created.getMetadata().getName()).isEqualTo("a");
    assertThat(rv(created)).isNotEqualTo(12345).isPositive();
    assertThat(read).isEqualTo(created);
    assertThat(rv(created)).isLessThanOrEqualTo(await(storage.currentRevision()));
  }

  @Test
  void createOfAnExistingKeyFailsWithKeyExists() {
    create("ns", "a");

    failure(storage.create(key("ns", "a"), pod("ns", "a"), 0), Reason.KEY_EXISTS);
  }

  @Test
  void getOfAMissingKeyFailsWithNotFound() {
    failure(storage.get(key("ns", "missing")), Reason.NOT_FOUND);
  }

  @Test
  void guaranteedUpdateWritesTheFunctionsResultAtANewRevision() {
    HasMetadata created = create("ns", "a");

    HasMetadata updated =
        await(storage.guaranteedUpdate(key("ns", "a"), Preconditions.NONE, TestPods::incremented));

    assertThat(count(updated)).isEqualTo(1);
    assertThat(rv(updated)).isGreaterThan(rv(created));
    assertThat(await(storage.get(key("ns", "a")))).isEqualTo(updated);
  }

  @Test
  void concurrentGuaranteedUpdatesKeepEveryIncrement() {
    create("ns", "counter");
    int updaters = 4;
    int increments = 25;
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int u = 0; u < updaters; u++) {
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (int i = 0; i < increments; i++) {
        chain =
            chain.thenCompose(
                ignored ->
                    storage
                        .guaranteedUpdate(
                            key("ns", "counter"), Preconditions.NONE, TestPods::incremented)
                        .thenAccept(o -> {}));
      }
      all.add(chain);
    }
    await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));

    assertThat(count(await(storage.get(key("ns", "counter"))))).isEqualTo(updaters * increments);
  }

  @Test
  void updateThatChangesNothingWritesNothing() {
    HasMetadata created = create("ns", "a");

    HasMetadata result =
        await(storage.guaranteedUpdate(key("ns", "a"), Preconditions.NONE, current -> current));

    assertThat(rv(result)).isEqualTo(rv(created));
    assertThat(await(storage.currentRevision())).isEqualTo(rv(created));
  }

  @Test
  void exceptionsOfTheUpdateFunctionFailTheUpdate() {
    create("ns", "a");
    IllegalStateException refusal = new IllegalStateException("no");

    Throwable thrown =
        catchThrowable(
            () ->
                await(
                    storage.guaranteedUpdate(
                        key("ns", "a"),
                        Preconditions.NONE,
                        current -> {
                          throw refusal;
                        })));

    assertThat(thrown).hasCause(refusal);
  }

  @Test
  void updateOfAMissingKeyFailsWithNotFound() {
    failure(
        storage.guaranteedUpdate(key("ns", "missing"), Preconditions.NONE, TestPods::incremented),
        Reason.NOT_FOUND);
  }

  @Test
  void preconditionsOnUidAndResourceVersionGuardUpdatesAndDeletes() {
    HasMetadata created = create("ns", "a");
    String uid = created.getMetadata().getUid();
    String rv = created.getMetadata().getResourceVersion();

    failure(
        storage.guaranteedUpdate(
            key("ns", "a"), new Preconditions("other-uid", null), TestPods::incremented),
        Reason.CONFLICT);
    failure(
        storage.guaranteedUpdate(
            key("ns", "a"), new Preconditions(null, "1"), TestPods::incremented),
        Reason.CONFLICT);
    failure(storage.delete(key("ns", "a"), new Preconditions("other-uid", null)), Reason.CONFLICT);

    HasMetadata updated =
        await(
            storage.guaranteedUpdate(
                key("ns", "a"), new Preconditions(uid, rv), TestPods::incremented));
    failure(storage.delete(key("ns", "a"), new Preconditions(null, rv)), Reason.CONFLICT);
    await(
        storage.delete(
            key("ns", "a"), new Preconditions(uid, updated.getMetadata().getResourceVersion())));
  }

  @Test
  void deleteReturnsTheLastStateAndRemovesTheKey() {
    create("ns", "a");
    HasMetadata updated =
        await(storage.guaranteedUpdate(key("ns", "a"), Preconditions.NONE, TestPods::incremented));

    HasMetadata deleted = await(storage.delete(key("ns", "a"), Preconditions.NONE));

    assertThat(deleted).isEqualTo(updated);
    failure(storage.get(key("ns", "a")), Reason.NOT_FOUND);
    failure(storage.delete(key("ns", "a"), Preconditions.NONE), Reason.NOT_FOUND);
  }

  @Test
  void createWithLabelsKeepsThem() {
    Pod labeled = withLabel(pod("ns", "a"), "app", "web");

    HasMetadata created = await(storage.create(key("ns", "a"), labeled, 0));

    assertThat(created.getMetadata().getLabels()).containsEntry("app", "web");
    assertThat(new PodBuilder((Pod) created).build().getSpec().getContainers()).hasSize(1);
  }
}
