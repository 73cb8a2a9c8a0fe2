package io.minik8s.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults of each kind, on objects built in code. */
class DefaultsTest {

  private static Service service(String type, String affinity) {
    Service service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withType(type)
            .withSessionAffinity(affinity)
            .addNewPort()
            .withPort(80)
            .endPort()
            .addNewPort()
            .withPort(81)
            .withTargetPort(new IntOrString("http"))
            .endPort()
            .endSpec()
            .build();
    Defaults.apply(service);
    return service;
  }

  @ParameterizedTest(name = "type {0}: externalTrafficPolicy {1}, internalTrafficPolicy {2}")
  @CsvSource({
    ", , Cluster, ",
    "ClusterIP, , Cluster, ",
    "NodePort, Cluster, Cluster, ",
    "LoadBalancer, Cluster, Cluster, true",
    "ExternalName, , , ",
  })
  void servicesGetTrafficPoliciesByType(
      String type, String external, String internal, Boolean allocateNodePorts) {
    Service service = service(type, null);

    assertThat(service.getSpec().getType()).isEqualTo(type == null ? "ClusterIP" : type);
    assertThat(service.getSpec().getExternalTrafficPolicy()).isEqualTo(external);
    assertThat(service.getSpec().getInternalTrafficPolicy()).isEqualTo(internal);
    assertThat(service.getSpec().getAllocateLoadBalancerNodePorts()).isEqualTo(allocateNodePorts);
    assertThat(service.getSpec().getClusterIP()).isNull();
  }

  @Test
  void servicePortsDefaultToTcpAndTargetTheirOwnPort() {
    Service service = service(null, null);

    assertThat(service.getSpec().getPorts().get(0).getProtocol()).isEqualTo("TCP");
    assertThat(service.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString(80));
    assertThat(service.getSpec().getPorts().get(1).getTargetPort())
        .isEqualTo(new IntOrString("http"));
  }

  @Test
  void clientIpAffinityGetsThreeHoursAndNoneAffinityNoConfig() {
    assertThat(service(null, "ClientIP").getSpec().getSessionAffinityConfig().getClientIP())
        .extracting(c -> c.getTimeoutSeconds())
        .isEqualTo(10800);
    assertThat(service(null, null).getSpec().getSessionAffinity()).isEqualTo("None");
    assertThat(service(null, null).getSpec().getSessionAffinityConfig()).isNull();
  }

  @Test
  void aClusterIpServiceWithExternalIpsIsExternallyAccessible() {
    Service service =
        new ServiceBuilder().withNewSpec().withExternalIPs("192.0.2.1").endSpec().build();

    Defaults.apply(service);

    assertThat(service.getSpec().getExternalTrafficPolicy()).isEqualTo("Cluster");
  }

  @ParameterizedTest(name = "image ''{0}'' is pulled {1}")
  @CsvSource({
    "nginx, Always",
    "nginx:latest, Always",
    "nginx:1.14.2, IfNotPresent",
    "docker.io/library/nginx:1.25, IfNotPresent",
    "localhost:5000/app, Always",
    "localhost:5000/app:v1, IfNotPresent",
    "[::1]:5000/app, Always",
    "registry.k8s.io/pause:3.8, IfNotPresent",
    "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, IfNotPresent",
    "nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, Always",
    "nginx@md5:0123456789abcdef0123456789abcdef, IfNotPresent",
    "'', IfNotPresent",
    "Nginx, IfNotPresent",
    "nginx:, IfNotPresent",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, IfNotPresent",
  })
  void thePullPolicyFollowsTheImageTag(String image, String policy) {
    assertThat(ImageReferences.defaultPullPolicy(image)).isEqualTo(policy);
  }

  @Test
  void explicitRequestsAreKeptWhenLimitsAreCopied() {
    Pod pod =
        new PodBuilder()
            .withNewSpec()
            .addToContainers(
                new ContainerBuilder()
                    .withName("app")
                    .withImage("app:v1")
                    .withNewResources()
                    .addToLimits("cpu", new Quantity("2"))
                    .addToLimits("memory", new Quantity("1Gi"))
                    .addToRequests("cpu", new Quantity("100m"))
                    .endResources()
                    .build())
            .endSpec()
            .build();

    Defaults.apply(pod);

    assertThat(pod.getSpec().getContainers().get(0).getResources().getRequests())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cpu", new Quantity("100m"), "memory", new Quantity("1Gi")));
  }

  @Test
  void hostNetworkPodsExposeContainerPortsOnTheHost() {
    Pod pod =
        new PodBuilder()
            .withNewSpec()
            .withHostNetwork(true)
            .addNewContainer()
            .withName("app")
            .addNewPort()
            .withContainerPort(8080)
            .endPort()
            .endContainer()
            .endSpec()
            .build();

    Defaults.apply(pod);

    assertThat(pod.getSpec().getContainers().get(0).getPorts().get(0).getHostPort())
        .isEqualTo(8080);
  }

  @Test
  void aRecreateDeploymentGetsNoRollingUpdateParameters() {
    Deployment deployment =
        new DeploymentBuilder()
            .withNewSpec()
            .withNewStrategy()
            .withType("Recreate")
            .endStrategy()
            .endSpec()
            .build();

    Defaults.apply(deployment);

    assertThat(deployment.getSpec().getStrategy().getRollingUpdate()).isNull();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(deployment.getSpec().getProgressDeadlineSeconds()).isEqualTo(600);
  }

  @Test
  void secretsAreOpaqueUnlessTyped() {
    Secret untyped = new SecretBuilder().build();
    Secret typed = new SecretBuilder().withType("kubernetes.io/tls").build();

    Defaults.apply(untyped);
    Defaults.apply(typed);

    assertThat(untyped.getType()).isEqualTo("Opaque");
    assertThat(typed.getType()).isEqualTo("kubernetes.io/tls");
  }

  @Test
  void endpointPortsDefaultToTcpAndSlicePortsToAnEmptyName() {
    var endpoints =
        new EndpointsBuilder()
            .addNewSubset()
            .addNewPort()
            .withPort(80)
            .endPort()
            .endSubset()
            .build();
    var slice = new EndpointSliceBuilder().addNewPort().withPort(80).endPort().build();

    Defaults.apply(endpoints);
    Defaults.apply(slice);

    assertThat(endpoints.getSubsets().get(0).getPorts().get(0).getProtocol()).isEqualTo("TCP");
    assertThat(slice.getPorts().get(0).getProtocol()).isEqualTo("TCP");
    assertThat(slice.getPorts().get(0).getName()).isEmpty();
  }

  @Test
  void nodeAllocatableDefaultsToCapacityRoundedToMillis() {
    var node =
        new NodeBuilder()
            .withNewStatus()
            .addToCapacity("cpu", new Quantity("0.0005"))
            .addToCapacity("memory", new Quantity("4Gi"))
            .endStatus()
            .build();

    Defaults.apply(node);

    assertThat(node.getStatus().getCapacity())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cpu", new Quantity("1m"), "memory", new Quantity("4Gi")));
    assertThat(node.getStatus().getAllocatable()).isEqualTo(node.getStatus().getCapacity());
  }

  @Test
  void priorityClassesPreemptLowerPrioritiesByDefault() {
    var priorityClass = new PriorityClassBuilder().withValue(1000).build();

    Defaults.apply(priorityClass);

    assertThat(priorityClass.getPreemptionPolicy()).isEqualTo("PreemptLowerPriority");
  }
}
