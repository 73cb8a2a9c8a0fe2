package io.minik8s.apiserver.storage.etcd;

import static io.minik8s.apiserver.storage.StorageAssertions.await;
import static io.minik8s.apiserver.storage.StorageAssertions.failure;
import static io.minik8s.apiserver.storage.TestEtcd.EVENTS;
import static io.minik8s.apiserver.storage.TestEtcd.PODS;
import static io.minik8s.apiserver.storage.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.Serialization;
import io.minik8s.apiserver.storage.Preconditions;
import io.minik8s.apiserver.storage.StorageException.Reason;
import io.minik8s.apiserver.storage.TestEtcd;
import io.minik8s.testing.EtcdServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What etcd holds: readable JSON under upstream's keys, and keys that expire (Events). */
@Timeout(60)
class EtcdValuesIT {
  private final String etcdPrefix = TestEtcd.uniquePrefix();

  private static Event event(String name, int count) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName(name)
        .endMetadata()
        .withReason("Testing")
        .withCount(count)
        .build();
  }

  @Test
  void valuesAreJsonWithoutResourceVersionThatEtcdctlShows() throws Exception {
    EtcdStorage pods = new EtcdStorage(TestEtcd.client(), PODS);
    String key = PODS.etcdKey(etcdPrefix, "ns", "web");
    await(pods.create(key, pod("ns", "web"), 0));

    String keys = EtcdServer.shared().etcdctl("get", etcdPrefix, "--prefix", "--keys-only");
    JsonNode value =
        Serialization.json()
            .readTree(EtcdServer.shared().etcdctl("get", key, "--print-value-only"));

    assertThat(keys.trim()).isEqualTo(etcdPrefix + "/pods/ns/web");
    assertThat(value.at("/metadata/name").asText()).isEqualTo("web");
    assertThat(value.at("/kind").asText()).isEqualTo("Pod");
    assertThat(value.at("/metadata").has("resourceVersion")).isFalse();
  }

  @Test
  void objectsCreatedWithATimeToLiveDisappearAfterIt() {
    EtcdStorage events = new EtcdStorage(TestEtcd.client(), EVENTS);
    String key = EVENTS.etcdKey(etcdPrefix, "ns", "e1");
    await(events.create(key, event("e1", 1), 2));
    assertThat(await(events.get(key)).getMetadata().getName()).isEqualTo("e1");

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> failure(events.get(key), Reason.NOT_FOUND));
  }

  @Test
  void updatesKeepTheTimeToLive() {
    EtcdStorage events = new EtcdStorage(TestEtcd.client(), EVENTS);
    String key = EVENTS.etcdKey(etcdPrefix, "ns", "e2");
    await(events.create(key, event("e2", 1), 2));

    HasMetadata updated =
        await(events.guaranteedUpdate(key, Preconditions.NONE, current -> event("e2", 2)));

    assertThat(((Event) updated).getCount()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> failure(events.get(key), Reason.NOT_FOUND));
  }
}
