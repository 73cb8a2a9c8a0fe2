package io.minik8s.client.rest;

import static io.minik8s.client.rest.Fixtures.configMap;
import static io.minik8s.client.rest.Fixtures.deployment;
import static io.minik8s.client.rest.Fixtures.namespace;
import static io.minik8s.client.rest.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.minik8s.api.ApiException;
import io.minik8s.apiserver.it.TestApiServer;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ListPage;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.config.ClientConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typed clients against a real API server: every verb, subresources and error mapping. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RestClientCrudIT {
  static TestApiServer server;
  static RestKubeClient client;

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
    client = KubeClients.create(ClientConfig.forServer(server.url()).withRateLimits(200, 400));
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void podsAreCreatedReadUpdatedAndDeleted() {
    String ns = namespace(client, "crud-pods");
    ResourceClient<Pod> pods = client.resources(Pod.class);
    Pod created = pods.create(pod(ns, "p1", Map.of("app", "web")));
    assertThat(created.getMetadata().getUid()).isNotEmpty();
    assertThat(created.getMetadata().getResourceVersion()).isNotEmpty();
    assertThat(created.getSpec().getSchedulerName()).isEqualTo("default-scheduler");

    Pod got = pods.get(ns, "p1");
    assertThat(got.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());

    Pod changed =
        new PodBuilder(got).editMetadata().addToLabels("tier", "front").endMetadata().build();
    Pod updated = pods.update(changed);
    assertThat(updated.getMetadata().getLabels()).containsEntry("tier", "front");
    assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(got.getMetadata().getResourceVersion()));

    assertThat(pods.delete(ns, "p1", new DeleteOptionsBuilder().withGracePeriodSeconds(0L).build()))
        .isPresent();
    assertThat(pods.find(ns, "p1")).isEmpty();
  }

  @Test
  void deploymentsServicesNodesNamespacesAndLeasesRoundTrip() {
    String ns = namespace(client, "crud-kinds");
    Deployment d = client.resources(Deployment.class).create(deployment(ns, "web", 3));
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");

    Service svc =
        client
            .resources(Service.class)
            .create(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("web")
                    .withNamespace(ns)
                    .endMetadata()
                    .withNewSpec()
                    .addToSelector("app", "web")
                    .addNewPort()
                    .withPort(80)
                    .endPort()
                    .endSpec()
                    .build());
    assertThat(svc.getSpec().getClusterIP()).startsWith("127.96.");

    Node node =
        client
            .resources(Node.class)
            .create(
                new NodeBuilder().withNewMetadata().withName("crud-node").endMetadata().build());
    assertThat(node.getMetadata().getNamespace()).isNull();
    assertThat(client.resources(Node.class).get(null, "crud-node").getMetadata().getUid())
        .isEqualTo(node.getMetadata().getUid());

    Lease lease =
        client
            .resources(Lease.class)
            .create(
                new LeaseBuilder()
                    .withNewMetadata()
                    .withName("holder")
                    .withNamespace(ns)
                    .endMetadata()
                    .withNewSpec()
                    .withHolderIdentity("a")
                    .withLeaseDurationSeconds(15)
                    .endSpec()
                    .build());
    Lease renewed =
        client
            .resources(Lease.class)
            .update(new LeaseBuilder(lease).editSpec().withHolderIdentity("b").endSpec().build());
    assertThat(renewed.getSpec().getHolderIdentity()).isEqualTo("b");

    assertThat(client.resources(Namespace.class).list(null, ListOptions.NONE).items())
        .extracting(n -> n.getMetadata().getName())
        .contains(ns, "default", "kube-system");
    client.resources(Deployment.class).delete(ns, "web", null);
    assertThat(client.resources(Deployment.class).find(ns, "web")).isEmpty();
    client.resources(Node.class).delete(null, "crud-node", null);
    assertThat(client.resources(Node.class).find(null, "crud-node")).isEmpty();
  }

  @Test
  void createWithoutANamespaceUsesTheClientsDefaultNamespace() {
    ConfigMap cm = client.resources(ConfigMap.class).create(configMap(null, "defaulted", "1"));
    assertThat(cm.getMetadata().getNamespace()).isEqualTo("default");
    client.resources(ConfigMap.class).delete("default", "defaulted", null);
  }

  @Test
  void updateStatusChangesOnlyTheStatus() {
    ResourceClient<Node> nodes = client.resources(Node.class);
    Node node =
        nodes.create(
            new NodeBuilder()
                .withNewMetadata()
                .withName("status-node")
                .endMetadata()
                .withNewSpec()
                .withUnschedulable(false)
                .endSpec()
                .build());
    Node withStatus =
        new NodeBuilder(node)
            .editSpec()
            .withUnschedulable(true)
            .endSpec()
            .withNewStatus()
            .withConditions(new NodeConditionBuilder().withType("Ready").withStatus("True").build())
            .endStatus()
            .build();
    Node written = nodes.updateStatus(withStatus);
    assertThat(written.getStatus().getConditions()).extracting("type").containsExactly("Ready");
    assertThat(written.getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void bindingSetsTheNodeNameAndASecondBindingIsAConflict() {
    String ns = namespace(client, "crud-bind");
    client.resources(Pod.class).create(pod(ns, "b1", Map.of()));
    client.pods().bind(ns, "b1", "node-1");
    assertThat(client.resources(Pod.class).get(ns, "b1").getSpec().getNodeName())
        .isEqualTo("node-1");
    ApiException again =
        catchThrowableOfType(ApiException.class, () -> client.pods().bind(ns, "b1", "node-2"));
    assertThat(again.isConflict()).as(again.toString()).isTrue();
  }

  @Test
  void listsFilterBySelectorsAndListAllFollowsContinueTokens() {
    String ns = namespace(client, "crud-list");
    ResourceClient<Pod> pods = client.resources(Pod.class);
    for (int i = 0; i < 7; i++) {
      pods.create(pod(ns, "l" + i, Map.of("app", i % 2 == 0 ? "even" : "odd")));
    }
    client.pods().bind(ns, "l0", "node-a");

    assertThat(pods.list(ns, ListOptions.labels("app=even")).items()).hasSize(4);
    assertThat(pods.list(ns, ListOptions.labels("app!=even")).items()).hasSize(3);
    assertThat(pods.list(ns, ListOptions.fields("spec.nodeName=node-a")).items())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("l0");

    ListPage<Pod> first = pods.list(ns, ListOptions.NONE.withLimit(3));
    assertThat(first.items()).hasSize(3);
    assertThat(first.continueToken()).isNotNull();
    ListPage<Pod> all = pods.listAll(ns, ListOptions.NONE.withLimit(3));
    assertThat(all.items())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("l0", "l1", "l2", "l3", "l4", "l5", "l6");
    assertThat(all.continueToken()).isNull();
    assertThat(Long.parseLong(all.resourceVersion())).isPositive();
  }

  @Test
  void deleteCollectionAnswersTheDeletedObjects() {
    String ns = namespace(client, "crud-dc");
    ResourceClient<ConfigMap> cms = client.resources(ConfigMap.class);
    for (String name : List.of("a", "b", "c")) {
      cms.create(
          new io.fabric8.kubernetes.api.model.ConfigMapBuilder(configMap(ns, name, "1"))
              .editMetadata()
              .addToLabels("drop", name.equals("c") ? "no" : "yes")
              .endMetadata()
              .build());
    }
    List<ConfigMap> deleted = cms.deleteCollection(ns, ListOptions.labels("drop=yes"), null);
    assertThat(deleted)
        .extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder("a", "b");
    assertThat(cms.list(ns, ListOptions.NONE).items())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("c");
  }

  @Test
  void aStatusAnswerToDeleteIsAnEmptyResult() {
    String ns = namespace(client, "crud-del");
    client.resources(ConfigMap.class).create(configMap(ns, "gone", "1"));
    assertThat(client.resources(ConfigMap.class).delete(ns, "gone", null)).isEmpty();
  }

  @Test
  void aMissingObjectIsNotFound() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class, () -> client.resources(Pod.class).get("default", "nope"));
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.code()).isEqualTo(404);
    assertThat(e.getMessage()).isEqualTo("pods \"nope\" not found");
  }

  @Test
  void creatingTwiceIsAlreadyExists() {
    String ns = namespace(client, "crud-twice");
    client.resources(ConfigMap.class).create(configMap(ns, "once", "1"));
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> client.resources(ConfigMap.class).create(configMap(ns, "once", "2")));
    assertThat(e.isAlreadyExists()).isTrue();
  }

  @Test
  void anUpdateFromAStaleResourceVersionIsAConflict() {
    String ns = namespace(client, "crud-stale");
    ResourceClient<ConfigMap> cms = client.resources(ConfigMap.class);
    ConfigMap v1 = cms.create(configMap(ns, "cm", "1"));
    cms.update(
        new io.fabric8.kubernetes.api.model.ConfigMapBuilder(v1)
            .withData(Map.of("v", "2"))
            .build());
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () ->
                cms.update(
                    new io.fabric8.kubernetes.api.model.ConfigMapBuilder(v1)
                        .withData(Map.of("v", "3"))
                        .build()));
    assertThat(e.isConflict()).as(e.toString()).isTrue();
  }

  @Test
  void deleteWithAFailingPreconditionIsAConflict() {
    String ns = namespace(client, "crud-precond");
    client.resources(ConfigMap.class).create(configMap(ns, "cm", "1"));
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () ->
                client
                    .resources(ConfigMap.class)
                    .delete(
                        ns,
                        "cm",
                        new DeleteOptionsBuilder()
                            .withNewPreconditions()
                            .withUid("not-the-uid")
                            .endPreconditions()
                            .build()));
    assertThat(e.isConflict()).as(e.toString()).isTrue();
    assertThat(client.resources(ConfigMap.class).find(ns, "cm")).isPresent();
  }

  @Test
  void anInvalidObjectIsInvalidWithOneCausePerField() {
    Deployment bad = new DeploymentBuilder(deployment("default", "Bad_Name", -1)).build();
    ApiException e =
        catchThrowableOfType(
            ApiException.class, () -> client.resources(Deployment.class).create(bad));
    assertThat(e.isInvalid()).as(e.toString()).isTrue();
    assertThat(e.code()).isEqualTo(422);
    assertThat(e.status().getDetails().getCauses())
        .extracting(StatusCause::getField)
        .contains("metadata.name", "spec.replicas");
  }

  @Test
  void aNamespacedGetWithoutANamespaceIsRejectedBeforeSending() {
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class, () -> client.resources(Pod.class).get(null, "p")))
        .hasMessageContaining("namespace");
  }
}
