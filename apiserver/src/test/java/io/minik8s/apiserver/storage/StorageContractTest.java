package io.minik8s.apiserver.storage;

import static io.minik8s.apiserver.storage.StorageAssertions.await;
import static io.minik8s.apiserver.storage.StorageAssertions.failure;
import static io.minik8s.apiserver.storage.TestEtcd.PODS;
import static io.minik8s.apiserver.storage.TestPods.pod;
import static io.minik8s.apiserver.storage.TestPods.rv;
import static io.minik8s.apiserver.storage.TestPods.withLabel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.apiserver.storage.StorageException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The contract suite every {@link Storage} passes: writes ({@link StorageWriteContract}), watches
 * ({@link StorageWatchContract}) and, here, lists with upstream's resourceVersion, limit and
 * continue semantics. Implementations extend this class.
 */
public abstract class StorageContractTest extends StorageWatchContract {

  private static ListRequest page(long limit, String continueToken, Predicate<HasMetadata> p) {
    return new ListRequest(null, null, limit, continueToken, p, null);
  }

  private static List<String> names(ListResult result) {
    return result.items().stream().map(o -> o.getMetadata().getName()).toList();
  }

  private void createMany(String namespace, int n, String format) {
    for (int from = 0; from < n; from += 50) {
      List<CompletableFuture<HasMetadata>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + 50); i++) {
        String name = String.format(format, i);
        batch.add(storage.create(key(namespace, name), pod(namespace, name), 0));
      }
      await(CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)));
    }
  }

  @Test
  void listReturnsEveryObjectInKeyOrderAtTheCurrentRevision() {
    create("ns", "b");
    create("ns", "a");
    HasMetadata last = create("other", "c");

    ListResult all = await(storage.list(podsPrefix(), ListRequest.all()));

    assertThat(names(all)).containsExactly("a", "b", "c");
    assertThat(all.revision()).isGreaterThanOrEqualTo(rv(last));
    assertThat(all.continueToken()).isNull();
    assertThat(names(await(storage.list(PODS.etcdPrefix(etcdPrefix, "ns"), ListRequest.all()))))
        .containsExactly("a", "b");
  }

  @Test
  void pagedListReturnsEveryObjectExactlyOnceWhileWritesGoOn() {
    createMany("ns", 1000, "p-%04d");
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; writing.get() && i < 300; i++) {
                await(storage.create(key("ns", "new-" + i), pod("ns", "new-" + i), 0));
                String victim = String.format("p-%04d", i * 3);
                await(
                    storage.guaranteedUpdate(
                        key("ns", victim), Preconditions.NONE, TestPods::incremented));
                if (i % 10 == 0) {
                  await(
                      storage.delete(
                          key("ns", String.format("p-%04d", 999 - i)), Preconditions.NONE));
                }
              }
            });

    List<String> seen = new ArrayList<>();
    List<Long> revisions = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ListResult result = await(storage.list(podsPrefix(), page(100, token, null)));
      seen.addAll(names(result));
      revisions.add(result.revision());
      token = result.continueToken();
      pages++;
    } while (token != null);
    writing.set(false);
    await(writer);

    long revision = revisions.get(0);
    ListResult snapshot =
        await(
            storage.list(
                podsPrefix(),
                new ListRequest(Long.toString(revision), "Exact", 0, null, null, null)));
    assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(names(snapshot));
    assertThat(seen.size()).isBetween(900, 1300);
    assertThat(await(storage.currentRevision())).as("writes went on").isGreaterThan(revision);
    assertThat(revisions).containsOnly(revisions.get(0));
  }

  @Test
  void filteredPagesHoldLimitMatchesAndOmitTheRemainingCount() {
    List<CompletableFuture<HasMetadata>> writes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String name = String.format("p-%02d", i);
      var pod = i % 5 == 0 ? withLabel(pod("ns", name), "pick", "yes") : pod("ns", name);
      writes.add(storage.create(key("ns", name), pod, 0));
    }
    await(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
    Predicate<HasMetadata> picked =
        o -> o.getMetadata().getLabels() != null && o.getMetadata().getLabels().containsKey("pick");

    ListResult first = await(storage.list(podsPrefix(), page(3, null, picked)));
    ListResult second = await(storage.list(podsPrefix(), page(3, first.continueToken(), picked)));
    ListResult rest = await(storage.list(podsPrefix(), page(10, second.continueToken(), picked)));

    assertThat(names(first)).containsExactly("p-00", "p-05", "p-10");
    assertThat(first.remainingItemCount()).isNull();
    assertThat(names(second)).containsExactly("p-15", "p-20", "p-25");
    assertThat(names(rest)).containsExactly("p-30", "p-35", "p-40", "p-45");
    assertThat(rest.continueToken()).isNull();
  }

  @Test
  void unfilteredPagesCountTheRemainingItems() {
    createMany("ns", 7, "p-%d");

    ListResult first = await(storage.list(podsPrefix(), page(3, null, null)));
    ListResult second = await(storage.list(podsPrefix(), page(3, first.continueToken(), null)));

    assertThat(first.remainingItemCount()).isEqualTo(4);
    assertThat(second.remainingItemCount()).isEqualTo(1);
    assertThat(names(second)).containsExactly("p-3", "p-4", "p-5");
  }

  @Test
  void exactListShowsTheObjectsAsTheyWereAtThatRevision() {
    HasMetadata a = create("ns", "a");
    create("ns", "b");

    ListResult past =
        await(
            storage.list(
                podsPrefix(),
                new ListRequest(
                    a.getMetadata().getResourceVersion(), "Exact", 0, null, null, null)));

    assertThat(names(past)).containsExactly("a");
    assertThat(past.revision()).isEqualTo(rv(a));
  }

  @Test
  void listNotOlderThanAFutureRevisionFailsWithTooLargeResourceVersion() {
    long future = await(storage.currentRevision()) + 1000;

    failure(
        storage.list(
            podsPrefix(),
            new ListRequest(Long.toString(future), "NotOlderThan", 0, null, null, null)),
        Reason.TOO_LARGE_RESOURCE_VERSION);
  }

  @Test
  void listAtResourceVersionZeroSeesCreatedObjectsEventually() {
    create("ns", "a");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                names(
                        await(
                            storage.list(
                                podsPrefix(), new ListRequest("0", null, 0, null, null, null))))
                    .contains("a"));
  }

  @Test
  void malformedContinueTokensAndResourceVersionsAreInvalidRequests() {
    failure(storage.list(podsPrefix(), page(10, "not a token!", null)), Reason.INVALID_REQUEST);
    create("ns", "a");
    create("ns", "b");
    String token = await(storage.list(podsPrefix(), page(1, null, null))).continueToken();
    failure(
        storage.list(podsPrefix(), new ListRequest("5", null, 1, token, null, null)),
        Reason.INVALID_REQUEST);
    failure(
        storage.list(podsPrefix(), new ListRequest("abc", null, 0, null, null, null)),
        Reason.INVALID_REQUEST);
  }
}
