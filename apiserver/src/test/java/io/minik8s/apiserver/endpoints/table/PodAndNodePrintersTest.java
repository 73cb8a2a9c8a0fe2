package io.minik8s.apiserver.endpoints.table;

import static io.minik8s.apiserver.endpoints.table.PodFixture.NOW;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.meta;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.printer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pods (wide columns) and nodes: the cells upstream prints for them. */
class PodAndNodePrintersTest {

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of(
            "pod, wide columns",
            "/pods",
            new PodBuilder(
                    PodFixture.pod("app")
                        .phase("Running")
                        .status(PodFixture.running("app", true))
                        .obj())
                .editMetadata()
                .withCreationTimestamp(meta("x").getCreationTimestamp())
                .endMetadata()
                .editSpec()
                .withNodeName("node-1")
                .addNewReadinessGate("example.com/lb")
                .addNewReadinessGate("example.com/dns")
                .endSpec()
                .editStatus()
                .withPodIP("10.1.2.3")
                .withNominatedNodeName("node-2")
                .addNewCondition()
                .withType("example.com/lb")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build(),
            List.of("web", "1/1", "Running", "0", "3m20s", "10.1.2.3", "node-1", "node-2", "1/2")),
        Arguments.of(
            "pod without placement",
            "/pods",
            PodFixture.pod("app").obj(),
            List.of("web", "0/1", "Pending", "0", "5m", "<none>", "<none>", "<none>", "<none>")),
        Arguments.of(
            "cordoned ready node",
            "/nodes",
            new NodeBuilder()
                .withMetadata(meta("node-1"))
                .editMetadata()
                .withNamespace(null)
                .withLabels(
                    Map.of(
                        "node-role.kubernetes.io/control-plane",
                        "",
                        "node-role.kubernetes.io/master",
                        "",
                        "kubernetes.io/hostname",
                        "node-1"))
                .endMetadata()
                .withNewSpec()
                .withUnschedulable(true)
                .endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("MemoryPressure")
                .withStatus("False")
                .endCondition()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("127.0.0.11")
                .endAddress()
                .addNewAddress()
                .withType("Hostname")
                .withAddress("node-1")
                .endAddress()
                .withNewNodeInfo()
                .withKubeletVersion("v1.32.4")
                .withOsImage("Debian 12")
                .withKernelVersion("6.1.0")
                .withContainerRuntimeVersion("docker://27.0")
                .endNodeInfo()
                .endStatus()
                .build(),
            List.of(
                "node-1",
                "Ready,SchedulingDisabled",
                "control-plane,master",
                "3m20s",
                "v1.32.4",
                "127.0.0.11",
                "<none>",
                "Debian 12",
                "6.1.0",
                "docker://27.0")),
        Arguments.of(
            "node not ready, role label",
            "/nodes",
            new NodeBuilder()
                .withMetadata(meta("node-2"))
                .editMetadata()
                .withLabels(Map.of("kubernetes.io/role", "worker"))
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("Unknown")
                .endCondition()
                .endStatus()
                .build(),
            List.of(
                "node-2",
                "NotReady",
                "worker",
                "3m20s",
                "",
                "<none>",
                "<none>",
                "<unknown>",
                "<unknown>",
                "<unknown>")),
        Arguments.of(
            "node without conditions",
            "/nodes",
            new NodeBuilder().withMetadata(meta("node-3")).build(),
            List.of(
                "node-3",
                "Unknown",
                "<none>",
                "3m20s",
                "",
                "<none>",
                "<none>",
                "<unknown>",
                "<unknown>",
                "<unknown>")));
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
