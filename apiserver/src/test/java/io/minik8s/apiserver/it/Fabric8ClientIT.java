package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An unmodified upstream client, fabric8's KubernetesClient, against the real server: CRUD, label
 * selectors, watches, informers, optimistic concurrency and status updates of Pods and
 * Deployments. PATCH is not served yet, so edit/patch/serverSideApply are not exercised.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Fabric8ClientIT {
  private static final String NS = "default";
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  static TestApiServer server;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    // Config.empty() reads no kubeconfig, service account or environment
    System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
    System.setProperty(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");
    server = TestApiServer.start();
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(server.url())
        .withTrustCerts(true)
        .withNamespace(NS)
        .withRequestTimeout(10_000)
        .withConnectionTimeout(5_000)
        .withRequestRetryBackoffLimit(0)
        // the server has no WebSocket watches yet: fabric8 tries a WebSocket upgrade first, gets
        // the plain 200 stream, and the JDK client waits for the end of that body forever
        .withOnlyHttpWatches(true)
        .build();
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Pod pod(String name, String app) {
    return new PodBuilder()
        .withNewMetadata().withName(name).addToLabels("app", app).endMetadata()
        .withNewSpec()
        .addNewContainer().withName("nginx").withImage("nginx:1.27").endContainer()
        .endSpec()
        .build();
  }

  /** The nginx Deployment of the Kubernetes documentation (controllers/nginx-deployment.yaml). */
  static Deployment nginxDeployment() {
    return new DeploymentBuilder()
        .withNewMetadata().withName("nginx-deployment").addToLabels("app", "nginx").endMetadata()
        .withNewSpec()
        .withReplicas(3)
        .withNewSelector().addToMatchLabels("app", "nginx").endSelector()
        .withNewTemplate()
        .withNewMetadata().addToLabels("app", "nginx").endMetadata()
        .withNewSpec()
        .addNewContainer().withName("nginx").withImage("nginx:1.14.2")
        .addNewPort().withContainerPort(80).endPort()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void createsGetsAndDeletesAPod() {
    Pod created = client.pods().resource(pod("crud", "crud")).create();
    assertThat(created.getMetadata().getUid()).hasSize(36);
    assertThat(created.getMetadata().getResourceVersion()).isNotEmpty();
    assertThat(created.getMetadata().getNamespace()).isEqualTo(NS);
    assertThat(created.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(created.getSpec().getRestartPolicy()).isEqualTo("Always");

    Pod got = client.pods().withName("crud").get();
    assertThat(got.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(got.getMetadata().getResourceVersion())
        .isEqualTo(created.getMetadata().getResourceVersion());

    assertThat(client.pods().withName("crud").delete()).hasSize(1);
    // an unscheduled Pod goes at once, as upstream
    await().atMost(DEADLINE).until(() -> client.pods().withName("crud").get() == null);
  }

  @Test
  void getOfAMissingObjectIsNullAndDeleteIsEmpty() {
    assertThat(client.pods().withName("never-created").get()).isNull();
    assertThat(client.apps().deployments().withName("never-created").get()).isNull();
    assertThat(client.pods().withName("never-created").delete()).isEmpty();
  }

  @Test
  void listsWithLabelSelectors() {
    client.pods().resource(pod("sel-a1", "sel-a")).create();
    client.pods().resource(pod("sel-a2", "sel-a")).create();
    client.pods().resource(pod("sel-b1", "sel-b")).create();

    assertThat(names(client.pods().withLabel("app", "sel-a").list().getItems()))
        .containsExactlyInAnyOrder("sel-a1", "sel-a2");
    assertThat(names(client.pods().withLabelIn("app", "sel-a", "sel-b").list().getItems()))
        .containsExactlyInAnyOrder("sel-a1", "sel-a2", "sel-b1");
    assertThat(names(client.pods().withLabel("app", "sel-b").list().getItems()))
        .containsExactly("sel-b1");
    assertThat(names(client.pods().withLabel("app", "nothing").list().getItems())).isEmpty();
    assertThat(client.pods().withLabel("app", "sel-a").list().getMetadata().getResourceVersion())
        .isNotEmpty();
    assertThat(names(client.pods().inAnyNamespace().withLabel("app", "sel-a").list().getItems()))
        .containsExactlyInAnyOrder("sel-a1", "sel-a2");
  }

  @Test
  void watcherSeesAddedModifiedAndDeleted() {
    List<String> events = new CopyOnWriteArrayList<>();
    Watcher<Pod> watcher = new Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        events.add(action + " " + pod.getMetadata().getName() + " "
            + pod.getMetadata().getLabels().get("step"));
      }

      @Override
      public void onClose(WatcherException cause) {
        events.add("CLOSED " + cause);
      }
    };
    try (Watch ignored = client.pods().withLabel("app", "watched").watch(watcher)) {
      Pod created = client.pods().resource(new PodBuilder(pod("watched", "watched"))
          .editMetadata().addToLabels("step", "one").endMetadata().build()).create();
      client.pods().resource(new PodBuilder(created)
          .editMetadata().addToLabels("step", "two").endMetadata().build()).update();
      client.pods().withName("watched").delete();

      await().atMost(DEADLINE).untilAsserted(() -> assertThat(events)
          .containsExactly("ADDED watched one", "MODIFIED watched two", "DELETED watched two"));
    }
  }

  @Test
  void updateWithAStaleResourceVersionIsAConflict() {
    Pod created = client.pods().resource(pod("stale", "stale")).create();
    Pod updated = client.pods().resource(new PodBuilder(created)
        .editMetadata().addToAnnotations("v", "2").endMetadata().build()).update();
    assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));

    Pod stale = new PodBuilder(created)
        .editMetadata().addToAnnotations("v", "3").endMetadata().build();
    assertThatThrownBy(() -> client.pods().resource(stale).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
        });
    assertThat(client.pods().withName("stale").get().getMetadata().getAnnotations())
        .containsEntry("v", "2");
  }

  @Test
  void creatingTwiceIsAConflictWithReasonAlreadyExists() {
    client.pods().resource(pod("twice", "twice")).create();
    assertThatThrownBy(() -> client.pods().resource(pod("twice", "twice")).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
        });
  }

  @Test
  void updateStatusChangesOnlyTheStatus() {
    Pod created = client.pods().resource(pod("status", "status")).create();
    Pod withStatus = new PodBuilder(created)
        .editMetadata().addToLabels("ignored", "by-status").endMetadata()
        .editStatus()
        .withPhase("Running")
        .addToConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build())
        .endStatus()
        .build();
    Pod updated = client.pods().resource(withStatus).updateStatus();
    assertThat(updated.getStatus().getPhase()).isEqualTo("Running");

    Pod got = client.pods().withName("status").get();
    assertThat(got.getStatus().getPhase()).isEqualTo("Running");
    assertThat(got.getStatus().getConditions())
        .anySatisfy(c -> assertThat(c.getType()).isEqualTo("Ready"));
    // the status subresource ignores changes to metadata labels and spec
    assertThat(got.getMetadata().getLabels()).doesNotContainKey("ignored");

    // a plain update cannot change the status
    Pod specOnly = client.pods().resource(new PodBuilder(got)
        .editStatus().withPhase("Failed").endStatus().build()).update();
    assertThat(specOnly.getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  void managesTheNginxDeploymentOfTheDocs() {
    Deployment created = client.apps().deployments().resource(nginxDeployment()).create();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(created.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(created.getSpec().getRevisionHistoryLimit()).isEqualTo(10);

    assertThat(names(client.apps().deployments().withLabel("app", "nginx").list().getItems()))
        .containsExactly("nginx-deployment");

    Deployment scaled = client.apps().deployments().resource(new DeploymentBuilder(created)
        .editSpec().withReplicas(2).endSpec().build()).update();
    assertThat(scaled.getSpec().getReplicas()).isEqualTo(2);
    assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);

    Deployment withStatus = client.apps().deployments().resource(new DeploymentBuilder(scaled)
        .withStatus(new DeploymentStatusBuilder()
            .withObservedGeneration(2L).withReplicas(2).withUpdatedReplicas(2).build())
        .build()).updateStatus();
    assertThat(withStatus.getStatus().getObservedGeneration()).isEqualTo(2L);
    assertThat(withStatus.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(client.apps().deployments().withName("nginx-deployment").get()
        .getStatus().getReplicas()).isEqualTo(2);

    assertThat(client.apps().deployments().withName("nginx-deployment").delete()).hasSize(1);
    await().atMost(DEADLINE).until(
        () -> client.apps().deployments().withName("nginx-deployment").get() == null);
  }

  @Test
  void informerSyncsAndSeesNewPods() {
    client.pods().resource(pod("informed-1", "informed")).create();
    List<String> added = new CopyOnWriteArrayList<>();
    ResourceEventHandler<Pod> handler = new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        added.add(pod.getMetadata().getName());
      }

      @Override
      public void onUpdate(Pod oldPod, Pod newPod) {}

      @Override
      public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {}
    };
    try (SharedIndexInformer<Pod> informer =
        client.pods().withLabel("app", "informed").inform(handler)) {
      await().atMost(DEADLINE).until(informer::hasSynced);
      assertThat(informer.getStore().listKeys()).containsExactly(NS + "/informed-1");

      client.pods().resource(pod("informed-2", "informed")).create();
      await().atMost(DEADLINE).untilAsserted(() -> {
        assertThat(added).containsExactlyInAnyOrder("informed-1", "informed-2");
        assertThat(informer.getStore().getByKey(NS + "/informed-2")).isNotNull();
      });
      assertThat(informer.getStore().list()).hasSize(2);
    }
  }

  private static List<String> names(List<? extends HasMetadata> items) {
    return items.stream().map(i -> i.getMetadata().getName()).toList();
  }
}
