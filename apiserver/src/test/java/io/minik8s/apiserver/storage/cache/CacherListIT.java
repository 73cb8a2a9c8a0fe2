package io.minik8s.apiserver.storage.cache;

import static io.minik8s.apiserver.storage.StorageAssertions.await;
import static io.minik8s.apiserver.storage.StorageAssertions.failure;
import static io.minik8s.apiserver.storage.TestPods.onNode;
import static io.minik8s.apiserver.storage.TestPods.pod;
import static io.minik8s.apiserver.storage.TestPods.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.ListResult;
import io.minik8s.apiserver.storage.StorageException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lists the watch cache answers from memory, and how it waits to be fresh enough. */
@Timeout(60)
class CacherListIT extends CacherFixture {
  @Test
  void listsAtResourceVersionZeroComeFromMemoryScanningOnlyTheIndexBucket() {
    start(CacherOptions.defaults().withIndexedFields(List.of("spec.nodeName")));
    HasMetadata last = null;
    for (int i = 0; i < 10; i++) {
      last = create(onNode(pod(i % 2 == 0 ? "a" : "b", "p" + i), i < 3 ? "n1" : "n2"));
    }
    awaitCacheAt(last);
    int listsBefore = counting.lists.get();
    AtomicInteger checked = new AtomicInteger();

    ListResult onN1 =
        await(
            cacher.list(
                prefix(null),
                new ListRequest(
                    "0",
                    null,
                    1,
                    null,
                    o -> {
                      checked.incrementAndGet();
                      return "n1".equals(((Pod) o).getSpec().getNodeName());
                    },
                    Map.of("spec.nodeName", "n1"))));
    ListResult inA =
        await(cacher.list(prefix("a"), new ListRequest("0", null, 0, null, null, null)));

    assertThat(onN1.items())
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("p0", "p2", "p1");
    assertThat(checked).hasValue(3);
    assertThat(onN1.revision()).isGreaterThanOrEqualTo(rv(last));
    assertThat(inA.items())
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("p0", "p2", "p4", "p6", "p8");
    assertThat(counting.lists).hasValue(listsBefore);
  }

  @Test
  void listNotOlderThanARevisionOfAnotherResourceSucceedsThroughProgressNotifications() {
    start(CacherOptions.defaults().withProgressRequester(etcd::requestProgress));
    create(pod("ns", "p"));
    long elsewhere = bumpEtcdRevisionOutsideThePods();

    ListResult result =
        await(
            cacher.list(
                prefix(null),
                new ListRequest(Long.toString(elsewhere), "NotOlderThan", 0, null, null, null)));

    assertThat(result.revision()).isGreaterThanOrEqualTo(elsewhere);
    assertThat(result.items()).hasSize(1);
  }

  @Test
  void listNotOlderThanARevisionTheCacheNeverReachesFailsWithTooLarge() {
    start(
        new CacherOptions(
            1000,
            1000,
            Duration.ofSeconds(1),
            Duration.ofMillis(300),
            Duration.ofMillis(100),
            List.of(),
            null));
    long elsewhere = bumpEtcdRevisionOutsideThePods();

    failure(
        cacher.list(
            prefix(null),
            new ListRequest(Long.toString(elsewhere), "NotOlderThan", 0, null, null, null)),
        Reason.TOO_LARGE_RESOURCE_VERSION);
  }
}
