package io.minik8s.apiserver.endpoints.table;

import static io.minik8s.apiserver.endpoints.table.PodFixture.NOW;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.meta;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.printer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Namespaces, configmaps, secrets, serviceaccounts, leases, PDBs and priority classes. */
class CorePrintersTest {

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of(
            "namespace",
            "/namespaces",
            new NamespaceBuilder()
                .withMetadata(meta("team-a"))
                .withNewStatus()
                .withPhase("Terminating")
                .endStatus()
                .build(),
            List.of("team-a", "Terminating", "3m20s")),
        Arguments.of(
            "configmap counts data and binaryData",
            "/configmaps",
            new ConfigMapBuilder()
                .withMetadata(meta("cfg"))
                .withData(Map.of("a", "1", "b", "2"))
                .withBinaryData(Map.of("c", "AA=="))
                .build(),
            List.of("cfg", 3L, "3m20s")),
        Arguments.of(
            "secret",
            "/secrets",
            new SecretBuilder()
                .withMetadata(meta("tls"))
                .withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", "AA==", "tls.key", "AA=="))
                .build(),
            List.of("tls", "kubernetes.io/tls", 2L, "3m20s")),
        Arguments.of(
            "service account",
            "/serviceaccounts",
            new ServiceAccountBuilder().withMetadata(meta("default")).build(),
            List.of("default", 0L, "3m20s")),
        Arguments.of(
            "lease",
            "coordination.k8s.io/leases",
            new LeaseBuilder()
                .withMetadata(meta("node-1"))
                .withNewSpec()
                .withHolderIdentity("node-1")
                .endSpec()
                .build(),
            List.of("node-1", "node-1", "3m20s")),
        Arguments.of(
            "lease without holder",
            "coordination.k8s.io/leases",
            new LeaseBuilder().withMetadata(meta("free")).withNewSpec().endSpec().build(),
            List.of("free", "", "3m20s")),
        Arguments.of(
            "pod disruption budget",
            "policy/poddisruptionbudgets",
            new PodDisruptionBudgetBuilder()
                .withMetadata(meta("web"))
                .withNewSpec()
                .withMinAvailable(new IntOrString("50%"))
                .endSpec()
                .withNewStatus()
                .withDisruptionsAllowed(1)
                .endStatus()
                .build(),
            List.of("web", "50%", "N/A", 1L, "3m20s")),
        Arguments.of(
            "pod disruption budget by count",
            "policy/poddisruptionbudgets",
            new PodDisruptionBudgetBuilder()
                .withMetadata(meta("db"))
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .endSpec()
                .build(),
            List.of("db", "N/A", "1", 0L, "3m20s")),
        Arguments.of(
            "priority class",
            "scheduling.k8s.io/priorityclasses",
            new PriorityClassBuilder()
                .withMetadata(meta("high"))
                .withValue(1000000)
                .withGlobalDefault(true)
                .withPreemptionPolicy("PreemptLowerPriority")
                .build(),
            List.of("high", 1000000L, true, "3m20s", "PreemptLowerPriority")),
        Arguments.of(
            "priority class without policy",
            "scheduling.k8s.io/priorityclasses",
            new PriorityClassBuilder().withMetadata(meta("low")).withValue(-5).build(),
            List.of("low", -5L, false, "3m20s", "")));
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
