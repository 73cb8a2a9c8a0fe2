package io.minik8s.client.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.ApiServer;
import io.minik8s.apiserver.it.TestApiServer;
import io.minik8s.client.KubeClient;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.rest.KubeClients;
import io.minik8s.testing.EtcdServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Informers against a real API server and etcd: every change seen once and in order across a server
 * restart and across a compaction that forces a re-list, and the cache's indexes.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class InformerIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> relists = new CopyOnWriteArrayList<>();
  private final InformerMetrics metrics =
      new InformerMetrics() {
        @Override
        public void relisted(ResourceType type, String reason) {
          relists.add(reason);
        }
      };

  @AfterEach
  void stopThreads() {
    executor.shutdownNow();
  }

  private static KubeClient client(String url) {
    return KubeClients.create(ClientConfig.forServer(url).withRateLimits(500, 1000));
  }

  private SharedInformerFactory factory(KubeClient client) {
    return new SharedInformerFactory(client, Duration.ZERO, executor, Clock.systemUTC(), metrics);
  }

  private static String namespace(KubeClient client, String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
    client.resources(Namespace.class).create(ns);
    return name;
  }

  /**
   * Waits until the informer saw exactly what was done; then makes one more write and, once it is
   * seen, checks again, so that a late duplicate cannot slip through.
   */
  private static void assertSeenExactly(
      KeyedRecorder<ConfigMap> seen, History history, ResourceClient<ConfigMap> cms) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(seen.seen()).isEqualTo(history.expected()));
    String marker = "marker-" + UUID.randomUUID().toString().substring(0, 8);
    history.create(cms, marker);
    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(seen.seen()).isEqualTo(history.expected()));
  }

  @Test
  void anInformerSeesEveryCreateUpdateAndDeleteOnceAndInOrderAcrossAnApiServerRestart() {
    try (FixedPortApiServer server =
            FixedPortApiServer.start(EtcdServer.shared(), "/registry-" + UUID.randomUUID());
        KubeClient client = client(server.url());
        SharedInformerFactory factory = factory(client)) {
      String ns = namespace(client, "informer-restart");
      KeyedRecorder<ConfigMap> seen = new KeyedRecorder<>();
      factory.informerFor(ConfigMap.class, InformerScope.namespace(ns)).addEventHandler(seen);
      factory.start();
      assertThat(factory.waitForCacheSync(DEADLINE)).isTrue();

      ResourceClient<ConfigMap> cms = client.resources(ConfigMap.class);
      History history = new History(ns);
      for (int i = 0; i < 8; i++) {
        history.create(cms, "cm-" + i);
      }
      for (int i = 0; i < 4; i++) {
        history.update(cms, "cm-" + i, "1");
      }
      history.update(cms, "cm-0", "2");
      history.delete(cms, "cm-6");
      assertSeenExactly(seen, history, cms);

      // down: another server on the same etcd takes writes the informer must catch up with
      server.stop();
      ApiServer sibling = server.sibling();
      try (KubeClient other = client(sibling.url())) {
        ResourceClient<ConfigMap> otherCms = other.resources(ConfigMap.class);
        history.update(otherCms, "cm-0", "down-1");
        history.update(otherCms, "cm-0", "down-2");
        history.delete(otherCms, "cm-1");
        history.create(otherCms, "cm-6");
        history.create(otherCms, "cm-8");
        history.update(otherCms, "cm-8", "down");
        history.delete(otherCms, "cm-8");
      } finally {
        sibling.close();
      }
      server.startAgain();

      history.update(cms, "cm-2", "after");
      history.delete(cms, "cm-3");
      history.create(cms, "cm-9");
      assertSeenExactly(seen, history, cms);
      assertThat(seen.seen().get(ns + "/cm-0")).hasSize(5);
      assertThat(relists).isEmpty();
    }
  }

  @Test
  void afterItsVersionIsCompactedAwayTheInformerRelistsAndReportsMissedDeletesAsTombstones() {
    try (EtcdServer etcd = EtcdServer.start();
        FixedPortApiServer server = FixedPortApiServer.start(etcd, "/registry");
        KubeClient client = client(server.url());
        SharedInformerFactory factory = factory(client)) {
      String ns = namespace(client, "informer-410");
      KeyedRecorder<ConfigMap> seen = new KeyedRecorder<>();
      SharedIndexInformer<ConfigMap> informer =
          factory.informerFor(ConfigMap.class, InformerScope.namespace(ns));
      informer.addEventHandler(seen);
      factory.start();
      assertThat(factory.waitForCacheSync(DEADLINE)).isTrue();

      ResourceClient<ConfigMap> cms = client.resources(ConfigMap.class);
      History history = new History(ns);
      for (String name : List.of("a", "b", "c", "d")) {
        history.create(cms, name);
      }
      history.update(cms, "b", "1");
      assertSeenExactly(seen, history, cms);

      // while the informer's server is down, changes happen and etcd forgets the history
      server.stop();
      ApiServer sibling = server.sibling();
      String newest;
      try (KubeClient other = client(sibling.url())) {
        ResourceClient<ConfigMap> otherCms = other.resources(ConfigMap.class);
        String b = history.version("b");
        String d = history.version("d");
        History missed = new History(ns);
        missed.version("b", b);
        missed.version("d", d);
        missed.delete(otherCms, "a");
        missed.update(otherCms, "b", "down-1");
        String b2 = missed.update(otherCms, "b", "down-2");
        missed.delete(otherCms, "c");
        String d1 = missed.update(otherCms, "d", "down");
        newest = missed.create(otherCms, "e");
        // a re-list shows only where each object ended up
        history.expect("a", "DELETED(final state unknown)");
        history.expect("b", "MODIFIED@" + b + "->" + b2);
        history.expect("c", "DELETED(final state unknown)");
        history.expect("d", "MODIFIED@" + d + "->" + d1);
        history.expect("e", "ADDED@" + newest);
        history.version("b", b2);
        history.version("d", d1);
        history.version("e", newest);
      } finally {
        sibling.close();
      }
      etcd.etcdctl("compact", newest);
      server.startAgain();

      await()
          .atMost(DEADLINE)
          .untilAsserted(() -> assertThat(seen.seen()).isEqualTo(history.expected()));
      assertThat(relists).containsExactly("Expired");
      assertThat(informer.indexer().listKeys())
          .containsExactlyInAnyOrder(ns + "/b", ns + "/d", ns + "/e", keyOfMarker(seen, ns));

      // and the watch that follows the re-list is live
      history.update(cms, "e", "after");
      history.delete(cms, "d");
      assertSeenExactly(seen, history, cms);
    }
  }

  private static String keyOfMarker(KeyedRecorder<ConfigMap> seen, String ns) {
    return seen.seen().keySet().stream()
        .filter(k -> k.startsWith(ns + "/marker-"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theNamespaceAndNodeNameIndexesFollowTheServer() {
    try (TestApiServer server = TestApiServer.start();
        KubeClient client = client(server.url());
        SharedInformerFactory factory = factory(client)) {
      String a = namespace(client, "index-a");
      String b = namespace(client, "index-b");
      ResourceClient<Pod> pods = client.resources(Pod.class);
      pods.create(pod(a, "p1", "node-1"));
      pods.create(pod(b, "p2", "node-1"));
      pods.create(pod(b, "p3", null));
      SharedIndexInformer<Pod> informer = factory.informerFor(Pod.class);
      informer.addIndexers(Map.of(Cache.NODE_NAME_INDEX, Cache.podNodeNameIndexFunc()));
      factory.start();
      assertThat(factory.waitForCacheSync(DEADLINE)).isTrue();
      Indexer<Pod> indexer = informer.indexer();
      assertThat(names(indexer.byIndex(Cache.NAMESPACE_INDEX, b))).containsExactly("p2", "p3");
      assertThat(names(indexer.byIndex(Cache.NODE_NAME_INDEX, "node-1")))
          .containsExactly("p1", "p2");

      client.pods().bind(b, "p3", "node-2");
      pods.delete(a, "p1", new DeleteOptionsBuilder().withGracePeriodSeconds(0L).build());
      pods.create(pod(a, "p4", "node-2"));

      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> {
                assertThat(names(indexer.byIndex(Cache.NODE_NAME_INDEX, "node-1")))
                    .containsExactly("p2");
                assertThat(names(indexer.byIndex(Cache.NODE_NAME_INDEX, "node-2")))
                    .containsExactly("p3", "p4");
                assertThat(names(indexer.byIndex(Cache.NAMESPACE_INDEX, a))).containsExactly("p4");
                assertThat(names(indexer.byIndex(Cache.NAMESPACE_INDEX, b)))
                    .containsExactly("p2", "p3");
              });
      assertThat(new Lister<>(indexer).get(b, "p3"))
          .hasValueSatisfying(p -> assertThat(p.getSpec().getNodeName()).isEqualTo("node-2"));
    }
  }

  private static Pod pod(String namespace, String name, String nodeName) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNodeName(nodeName)
        .addNewContainer()
        .withName("c")
        .withImage("nginx:1.27")
        .endContainer()
        .endSpec()
        .build();
  }

  private static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getName()).sorted().toList();
  }
}
