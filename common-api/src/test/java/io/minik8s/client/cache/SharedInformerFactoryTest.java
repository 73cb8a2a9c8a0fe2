package io.minik8s.client.cache;

import static io.minik8s.client.cache.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.minik8s.api.ResourceRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SharedInformerFactoryTest {
  private final FakeKubeClient client = new FakeKubeClient();
  private final SharedInformerFactory factory = new SharedInformerFactory(client, Duration.ZERO);

  @AfterEach
  void stop() {
    factory.shutdown();
  }

  @Test
  void givesOneInformerPerResourceAndScopeWhicheverWayItIsAskedFor() {
    SharedIndexInformer<ConfigMap> byClass = factory.informerFor(ConfigMap.class);
    SharedIndexInformer<HasMetadata> byType =
        factory.informerFor(
            ResourceRegistry.builtIn().findByClass(ConfigMap.class).orElseThrow(),
            InformerScope.ALL);

    assertThat(factory.informerFor(ConfigMap.class)).isSameAs(byClass);
    assertThat(byType).isSameAs((Object) byClass);
    assertThat(factory.informerFor(ConfigMap.class, InformerScope.namespace("a")))
        .isNotSameAs(byClass)
        .isSameAs(factory.informerFor(ConfigMap.class, InformerScope.namespace("a")));
    assertThat(factory.informerFor(Pod.class)).isNotSameAs(byClass);
  }

  @Test
  void consumersOfOneResourceShareOneWatch() {
    FakeResourceClient<ConfigMap> server = client.fake(ConfigMap.class);
    RecordingHandler<ConfigMap> scheduler = new RecordingHandler<>();
    RecordingHandler<ConfigMap> controller = new RecordingHandler<>();
    factory.informerFor(ConfigMap.class).addEventHandler(scheduler);
    factory.informerFor(ConfigMap.class).addEventHandler(controller);

    factory.start();
    assertThat(factory.waitForCacheSync(Duration.ofSeconds(10))).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.openWatches() == 1);
    server.create(configMap("ns", "a"));

    assertThat(scheduler.next()).isEqualTo("add ns/a@101");
    assertThat(controller.next()).isEqualTo("add ns/a@101");
    assertThat(server.listCalls).hasSize(1);
    assertThat(server.watchCalls).hasSize(1);
  }

  @Test
  void waitingForCacheSyncGivesUpAtTheDeadlineWhenTheServerIsDown() {
    client.fake(ConfigMap.class).refuseConnections(true);
    factory.informerFor(ConfigMap.class);
    factory.start();

    assertThat(factory.waitForCacheSync(Duration.ofMillis(300))).isFalse();
  }

  @Test
  void informersAskedForAfterAStartNeedAnotherStart() {
    factory.start();
    SharedIndexInformer<ConfigMap> late = factory.informerFor(ConfigMap.class);
    assertThat(factory.waitForCacheSync(Duration.ofSeconds(10))).isTrue();
    assertThat(late.hasSynced()).isFalse();

    factory.start();

    assertThat(factory.waitForCacheSync(Duration.ofSeconds(10))).isTrue();
    assertThat(late.hasSynced()).isTrue();
  }

  @Test
  void shutdownStopsEveryInformer() {
    SharedIndexInformer<ConfigMap> informer = factory.informerFor(ConfigMap.class);
    factory.start();
    assertThat(factory.waitForCacheSync(Duration.ofSeconds(10))).isTrue();

    factory.shutdown();

    assertThat(informer.isStopped()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.fake(ConfigMap.class).openWatches() == 0);
  }
}
