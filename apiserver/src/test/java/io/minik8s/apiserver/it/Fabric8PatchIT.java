package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PATCH through an unmodified upstream client: fabric8's edit, patch and scale. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Fabric8PatchIT {
  static TestApiServer server;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
    System.setProperty(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");
    server = TestApiServer.start();
    client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty())
        .withMasterUrl(server.url())
        .withNamespace("default")
        .withRequestTimeout(10_000)
        .withRequestRetryBackoffLimit(0)
        .build()).build();
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

  static Deployment deployment(String name) {
    return client.apps().deployments().resource(new DeploymentBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withReplicas(1)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.25")
        .addNewPort().withContainerPort(80).endPort().endContainer()
        .addNewContainer().withName("log").withImage("busybox").endContainer()
        .endSpec().endTemplate().endSpec().build()).create();
  }

  @Test
  void editSendsAJsonPatchOfTheDifference() {
    client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("edited")
        .endMetadata().addToData("a", "1").build()).create();
    ConfigMap edited = client.configMaps().withName("edited")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("b", "2").removeFromData("a")
            .editMetadata().addToLabels("tier", "x").endMetadata().build());
    assertThat(edited.getData()).containsExactly(java.util.Map.entry("b", "2"));
    assertThat(client.configMaps().withName("edited").get().getMetadata().getLabels())
        .containsEntry("tier", "x");
  }

  @Test
  void strategicMergePatchesMergeContainersByName() {
    deployment("smp");
    Deployment patched = client.apps().deployments().withName("smp").patch(
        PatchContext.of(PatchType.STRATEGIC_MERGE),
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\","
            + "\"image\":\"nginx:1.26\"}]}}}}");
    assertThat(patched.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getName() + "=" + c.getImage())
        .containsExactlyInAnyOrder("web=nginx:1.26", "log=busybox");
    assertThat(patched.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("web")).findFirst().orElseThrow().getPorts())
        .hasSize(1);
  }

  @Test
  void mergePatchesAndScaleChangeReplicas() {
    deployment("scaled");
    Deployment merged = client.apps().deployments().withName("scaled")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":2}}");
    assertThat(merged.getSpec().getReplicas()).isEqualTo(2);
    client.apps().deployments().withName("scaled").scale(4);
    assertThat(client.apps().deployments().withName("scaled").get().getSpec().getReplicas())
        .isEqualTo(4);
  }

  @Test
  void cordonThroughAStrategicPatchOfTheNode() {
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("f8-node")
        .endMetadata().build()).create();
    Node cordoned = client.nodes().withName("f8-node").patch(
        PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"spec\":{\"unschedulable\":true}}");
    assertThat(cordoned.getSpec().getUnschedulable()).isTrue();
  }

  @Test
  void serverSideApplyIsNotServedYet() {
    ConfigMap applied = new ConfigMapBuilder().withNewMetadata().withName("ssa").endMetadata()
        .addToData("a", "1").build();
    assertThatThrownBy(() -> client.configMaps().resource(applied).serverSideApply())
        .isInstanceOfSatisfying(KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(415));
  }
}
