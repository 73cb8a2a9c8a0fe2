package io.minik8s.client.cache;

import static io.minik8s.client.cache.Fixtures.configMap;
import static io.minik8s.client.cache.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SharedIndexInformerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  @AfterEach
  void stop() {
    informers.forEach(SharedIndexInformer::stop);
    executor.shutdownNow();
  }

  private <T extends HasMetadata> SharedIndexInformer<T> informer(FakeResourceClient<T> server) {
    SharedIndexInformer<T> informer =
        new DefaultSharedIndexInformer<>(
            ListerWatcher.of(server, InformerScope.ALL),
            Duration.ZERO,
            executor,
            Clock.systemUTC(),
            () -> Duration.ofMillis(10),
            InformerMetrics.NONE);
    informers.add(informer);
    return informer;
  }

  private static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getName()).sorted().toList();
  }

  @Test
  void everyHandlerSeesEveryChangeOnceAndInTheOrderItWasMade() {
    FakeResourceClient<ConfigMap> server = new FakeResourceClient<>(ConfigMap.class);
    SharedIndexInformer<ConfigMap> informer = informer(server);
    RecordingHandler<ConfigMap> first = new RecordingHandler<>();
    RecordingHandler<ConfigMap> second = new RecordingHandler<>();
    informer.addEventHandler(first);
    informer.addEventHandler(second);
    informer.start();
    await().atMost(DEADLINE).until(() -> informer.hasSynced() && server.openWatches() == 1);

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String name = "cm-" + (i % 7);
      if (server.find("ns", name).isEmpty()) {
        expected.add(
            "add ns/"
                + name
                + "@"
                + server.create(configMap("ns", name)).getMetadata().getResourceVersion());
      } else if (i % 3 == 0) {
        server.delete("ns", name, null);
        expected.add("delete ns/" + name + "@" + server.revision());
      } else {
        String old = server.get("ns", name).getMetadata().getResourceVersion();
        String now =
            server.update(configMap("ns", name, "v" + i)).getMetadata().getResourceVersion();
        expected.add("update ns/" + name + "@" + old + "->" + now);
      }
    }

    assertThat(first.next(expected.size())).containsExactlyElementsOf(expected);
    assertThat(second.next(expected.size())).containsExactlyElementsOf(expected);
  }

  @Test
  void aHandlerAddedWhileRunningGetsTheCacheAsInitialAddsThenLiveChanges() {
    FakeResourceClient<ConfigMap> server = new FakeResourceClient<>(ConfigMap.class);
    server.create(configMap("ns", "a"));
    SharedIndexInformer<ConfigMap> informer = informer(server);
    informer.start();
    await().atMost(DEADLINE).until(() -> informer.hasSynced() && server.openWatches() == 1);
    server.create(configMap("ns", "b"));
    await().atMost(DEADLINE).until(() -> informer.indexer().listKeys().size() == 2);

    RecordingHandler<ConfigMap> late = new RecordingHandler<>();
    ResourceEventHandlerRegistration registration = informer.addEventHandler(late);
    server.delete("ns", "a", null);

    assertThat(late.next(2))
        .containsExactlyInAnyOrder("add ns/a@101 initial", "add ns/b@102 initial");
    assertThat(late.next()).isEqualTo("delete ns/a@103");
    assertThat(registration.hasSynced()).isTrue();
  }

  @Test
  void aHandlerWithAResyncPeriodIsGivenEveryObjectAgainAndOthersAreNot() {
    FakeResourceClient<ConfigMap> server = new FakeResourceClient<>(ConfigMap.class);
    server.create(configMap("ns", "a"));
    SharedIndexInformer<ConfigMap> informer = informer(server);
    RecordingHandler<ConfigMap> plain = new RecordingHandler<>();
    informer.addEventHandler(plain);
    informer.start();
    await().atMost(DEADLINE).until(() -> informer.hasSynced() && server.openWatches() == 1);

    RecordingHandler<ConfigMap> resyncing = new RecordingHandler<>();
    informer.addEventHandlerWithResyncPeriod(resyncing, Duration.ofSeconds(1));

    assertThat(resyncing.next(2)).containsExactly("add ns/a@101 initial", "update ns/a@101->101");
    server.create(configMap("ns", "b"));
    assertThat(plain.next(2)).containsExactly("add ns/a@101 initial", "add ns/b@102");
  }

  @Test
  void aRemovedHandlerHearsNothingMoreWhileOthersCarryOn() {
    FakeResourceClient<ConfigMap> server = new FakeResourceClient<>(ConfigMap.class);
    SharedIndexInformer<ConfigMap> informer = informer(server);
    RecordingHandler<ConfigMap> removed = new RecordingHandler<>();
    RecordingHandler<ConfigMap> kept = new RecordingHandler<>();
    ResourceEventHandlerRegistration registration = informer.addEventHandler(removed);
    informer.addEventHandler(kept);
    informer.start();
    await().atMost(DEADLINE).until(() -> informer.hasSynced() && server.openWatches() == 1);
    server.create(configMap("ns", "a"));
    assertThat(removed.next()).isEqualTo("add ns/a@101");

    informer.removeEventHandler(registration);
    server.create(configMap("ns", "b"));

    assertThat(kept.next(2)).containsExactly("add ns/a@101", "add ns/b@102");
    assertThat(removed.all()).containsExactly("add ns/a@101");
  }

  @Test
  void theIndexerAnswersByNamespaceAndByNodeName() {
    FakeResourceClient<Pod> server = new FakeResourceClient<>(Pod.class);
    server.create(pod("a", "p1", "node-1"));
    server.create(pod("b", "p2", "node-1"));
    server.create(pod("b", "p3", null));
    SharedIndexInformer<Pod> informer = informer(server);
    informer.addIndexers(Map.of(Cache.NODE_NAME_INDEX, Cache.podNodeNameIndexFunc()));
    informer.start();
    await().atMost(DEADLINE).until(() -> informer.hasSynced() && server.openWatches() == 1);

    server.update(pod("b", "p3", "node-2"));
    await()
        .atMost(DEADLINE)
        .until(() -> !informer.indexer().byIndex(Cache.NODE_NAME_INDEX, "node-2").isEmpty());

    Indexer<Pod> indexer = informer.indexer();
    assertThat(names(indexer.byIndex(Cache.NAMESPACE_INDEX, "b"))).containsExactly("p2", "p3");
    assertThat(names(indexer.byIndex(Cache.NODE_NAME_INDEX, "node-1"))).containsExactly("p1", "p2");
    assertThat(names(indexer.byIndex(Cache.NODE_NAME_INDEX, "node-2"))).containsExactly("p3");
  }

  @Test
  void hasSyncedOnlyOnceTheFirstListIsStored() {
    FakeResourceClient<ConfigMap> server = new FakeResourceClient<>(ConfigMap.class);
    server.refuseConnections(true);
    SharedIndexInformer<ConfigMap> informer = informer(server);
    ResourceEventHandlerRegistration registration =
        informer.addEventHandler(new RecordingHandler<>());
    informer.start();
    await().atMost(DEADLINE).until(() -> server.listCalls.size() >= 2);
    assertThat(informer.hasSynced()).isFalse();
    assertThat(registration.hasSynced()).isFalse();

    server.refuseConnections(false);

    await().atMost(DEADLINE).until(registration::hasSynced);
    assertThat(informer.hasSynced()).isTrue();
  }

  @Test
  void aStoppedInformerTakesNoNewHandlers() {
    SharedIndexInformer<ConfigMap> informer = informer(new FakeResourceClient<>(ConfigMap.class));
    informer.start();

    informer.stop();

    assertThatThrownBy(() -> informer.addEventHandler(new RecordingHandler<>()))
        .isInstanceOf(IllegalStateException.class);
  }
}
