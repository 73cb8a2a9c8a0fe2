package io.minik8s.apiserver.endpoints.table;

import static io.minik8s.apiserver.endpoints.table.PodFixture.NOW;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.meta;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.printer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deployments, ReplicaSets and ReplicationControllers: counts, containers, selectors. */
class WorkloadPrintersTest {

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of(
            "deployment",
            "apps/deployments",
            new DeploymentBuilder()
                .withMetadata(meta("nginx"))
                .withNewSpec()
                .withReplicas(3)
                .withNewSelector()
                .withMatchLabels(Map.of("app", "nginx", "tier", "web"))
                .addNewMatchExpression()
                .withKey("track")
                .withOperator("In")
                .withValues("stable", "canary")
                .endMatchExpression()
                .endSelector()
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("nginx")
                .withImage("nginx:1.27")
                .endContainer()
                .addNewContainer()
                .withName("log")
                .withImage("busybox")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReadyReplicas(2)
                .withUpdatedReplicas(3)
                .withAvailableReplicas(2)
                .endStatus()
                .build(),
            List.of(
                "nginx",
                "2/3",
                3L,
                2L,
                "3m20s",
                "nginx,log",
                "nginx:1.27,busybox",
                "app=nginx,tier=web,track in (canary,stable)")),
        Arguments.of(
            "deployment without status",
            "apps/deployments",
            new DeploymentBuilder()
                .withMetadata(meta("new"))
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(Map.of("app", "new"))
                .endSelector()
                .endSpec()
                .build(),
            List.of("new", "0/1", 0L, 0L, "3m20s", "", "", "app=new")),
        Arguments.of(
            "replica set",
            "apps/replicasets",
            new ReplicaSetBuilder()
                .withMetadata(meta("nginx-5d4f"))
                .withNewSpec()
                .withReplicas(3)
                .withNewSelector()
                .withMatchLabels(Map.of("app", "nginx"))
                .endSelector()
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("nginx")
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(3)
                .withReadyReplicas(1)
                .endStatus()
                .build(),
            List.of("nginx-5d4f", 3L, 3L, 1L, "3m20s", "nginx", "nginx:1.27", "app=nginx")),
        Arguments.of(
            "replica set with an empty selector",
            "apps/replicasets",
            new ReplicaSetBuilder()
                .withMetadata(meta("all"))
                .withNewSpec()
                .withReplicas(0)
                .withNewSelector()
                .endSelector()
                .endSpec()
                .build(),
            List.of("all", 0L, 0L, 0L, "3m20s", "", "", "<none>")),
        Arguments.of(
            "replication controller",
            "/replicationcontrollers",
            new ReplicationControllerBuilder()
                .withMetadata(meta("rc"))
                .withNewSpec()
                .withReplicas(2)
                .withSelector(Map.of("b", "2", "a", "1"))
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("app:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(2)
                .withReadyReplicas(2)
                .endStatus()
                .build(),
            List.of("rc", 2L, 2L, 2L, "3m20s", "app", "app:1", "a=1,b=2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void printsUpstreamsCells(String name, String resource, HasMetadata object, List<Object> cells) {
    Printer printer = printer(resource);
    List<Object> printed = printer.cells(object, NOW);
    assertThat(printed).containsExactlyElementsOf(cells);
    assertThat(printed).hasSameSizeAs(printer.columns());
  }
}
