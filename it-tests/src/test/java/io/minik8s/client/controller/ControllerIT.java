package io.minik8s.client.controller;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.minik8s.apiserver.it.TestApiServer;
import io.minik8s.client.KubeClient;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.cache.InformerScope;
import io.minik8s.client.cache.Lister;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.cache.SharedInformerFactory;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.rest.KubeClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reconciler runner over a real informer: the loop every controller runs, from a write to the
 * API server to reconcile(key) reading the object back from the cache.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControllerIT {
  private static final String NS = "controller-it";

  private TestApiServer server;
  private KubeClient client;
  private SharedInformerFactory informers;
  private ScheduledExecutorService scheduler;
  private Controller controller;

  @BeforeEach
  void start() {
    server = TestApiServer.start();
    client = KubeClients.create(ClientConfig.forServer(server.url()).withRateLimits(100, 200));
    client
        .resources(Namespace.class)
        .create(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build());
    informers = new SharedInformerFactory(client, Duration.ZERO);
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stop() {
    if (controller != null) {
      controller.stop();
    }
    informers.close();
    scheduler.shutdownNow();
    client.close();
    server.close();
  }

  @Test
  void reconcilesEveryCreatedUpdatedAndDeletedPodReadingItsLatestStateFromTheCache() {
    ResourceClient<Pod> pods = client.resources(Pod.class);
    pods.create(pod("existing", "v1"));
    SharedIndexInformer<Pod> informer =
        informers.informerFor(Pod.class, InformerScope.namespace(NS));
    Lister<Pod> lister = new Lister<>(informer.indexer());
    Map<ObjectKey, List<String>> seen = new ConcurrentHashMap<>();
    controller =
        Controller.builder(
                "pods",
                key -> {
                  // what the cache says now: the version label, or "gone"
                  Optional<Pod> pod = lister.get(key.namespace(), key.name());
                  seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>())
                      .add(pod.map(p -> p.getMetadata().getLabels().get("version")).orElse("gone"));
                  return Result.done();
                })
            .watches(informer)
            .workers(2)
            .scheduler(scheduler)
            .build();
    controller.start();
    informers.start();

    await().atMost(Duration.ofSeconds(30)).until(controller::isRunning);
    awaitLast(seen, key("existing"), "v1");
    pods.create(pod("new", "v1"));
    awaitLast(seen, key("new"), "v1");
    Pod current = pods.get(NS, "new");
    pods.update(
        new PodBuilder(current).editMetadata().addToLabels("version", "v2").endMetadata().build());
    awaitLast(seen, key("new"), "v2");
    pods.delete(NS, "existing", new DeleteOptionsBuilder().withGracePeriodSeconds(0L).build());

    awaitLast(seen, key("existing"), "gone");
  }

  @Test
  void retriesAFailingReconcileWithBackoffUntilItSucceeds() {
    client.resources(Pod.class).create(pod("flaky", "v1"));
    AtomicInteger attempts = new AtomicInteger();
    SharedIndexInformer<Pod> informer =
        informers.informerFor(Pod.class, InformerScope.namespace(NS));
    controller =
        Controller.builder(
                "flaky",
                key -> {
                  if (attempts.incrementAndGet() < 4) {
                    throw new IllegalStateException("not yet");
                  }
                  return Result.done();
                })
            .watches(informer)
            .scheduler(scheduler)
            .build();
    controller.start();
    informers.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() == 4);
  }

  private static void awaitLast(Map<ObjectKey, List<String>> seen, ObjectKey key, String value) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<String> values = seen.get(key);
              return values != null && values.get(values.size() - 1).equals(value);
            });
  }

  private static ObjectKey key(String name) {
    return new ObjectKey(NS, name);
  }

  private static Pod pod(String name, String version) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(NS)
        .withName(name)
        .addToLabels("version", version)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }
}
