package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterValidationTest {

  @Test
  void requiresNamespaceNamesToBeDnsLabels() {
    Namespace ns =
        new NamespaceBuilder().withNewMetadata().withName("team.a").endMetadata().build();

    assertThat(messages(ClusterValidation.validateNamespace(ns)))
        .containsExactly("metadata.name: Invalid value: \"team.a\": must not contain dots");
  }

  @Test
  void requiresNamespaceFinalizersToBeStandardOrQualified() {
    Namespace ns =
        new NamespaceBuilder()
            .withNewMetadata()
            .withName("team-a")
            .endMetadata()
            .withNewSpec()
            .withFinalizers("kubernetes", "cleanup", "example.com/cleanup")
            .endSpec()
            .build();

    assertThat(messages(ClusterValidation.validateNamespace(ns)))
        .containsExactly(
            "spec.finalizers: Invalid value: \"cleanup\": name is neither a standard finalizer"
                + " name nor is it fully qualified");
  }

  @Test
  void validatesNodeTaints() {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName("node-1.example.com")
            .endMetadata()
            .withNewSpec()
            .withTaints(
                new TaintBuilder()
                    .withKey("dedicated")
                    .withValue("gpu")
                    .withEffect("NoSchedule")
                    .build(),
                new TaintBuilder()
                    .withKey("dedicated")
                    .withValue("cpu")
                    .withEffect("NoSchedule")
                    .build(),
                new TaintBuilder().withKey("zone").withEffect("Sometimes").build())
            .endSpec()
            .build();

    List<FieldError> errors = ClusterValidation.validateNode(node);

    assertThat(messages(errors))
        .containsExactly(
            "spec.taints[1]: Duplicate value: {\"effect\":\"NoSchedule\",\"key\":\"dedicated\","
                + "\"value\":\"cpu\"}: taints must be unique by key and effect pair",
            "spec.taints[2].effect: Unsupported value: \"Sometimes\": supported values:"
                + " \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
  }

  @Test
  void forbidsChangingAnAssignedPodCidr() {
    Node old =
        new NodeBuilder()
            .withMetadata(Fixtures.stored("node-1", null))
            .withNewSpec()
            .withPodCIDRs("10.244.1.0/24")
            .endSpec()
            .build();
    Node updated = new NodeBuilder(old).editSpec().withPodCIDRs("10.244.2.0/24").endSpec().build();

    assertThat(messages(ClusterValidation.validateNodeUpdate(updated, old)))
        .containsExactly(
            "spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to"
                + " valid");
  }

  static Stream<Arguments> invalidPriorityClasses() {
    return Stream.of(
        Arguments.of(
            "system-custom",
            100,
            "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for"
                + " system use only. error: system-custom is not a known system priority class"),
        Arguments.of(
            "system-node-critical",
            5,
            "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for"
                + " system use only. error: value of system-node-critical PriorityClass must be"
                + " 2000001000"),
        Arguments.of(
            "high",
            1_000_000_001,
            "value: Forbidden: maximum allowed value of a user defined priority is 1000000000"));
  }

  @ParameterizedTest(name = "{0} with value {1}")
  @MethodSource("invalidPriorityClasses")
  void reservesSystemPriorityClassesAndCapsUserDefinedOnes(
      String name, int value, String expected) {
    PriorityClass pc =
        new PriorityClassBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withValue(value)
            .build();

    assertThat(messages(ClusterValidation.validatePriorityClass(pc))).containsExactly(expected);
  }

  @Test
  void acceptsTheBuiltInSystemPriorityClasses() {
    PriorityClass pc =
        new PriorityClassBuilder()
            .withNewMetadata()
            .withName("system-cluster-critical")
            .endMetadata()
            .withValue(2_000_000_000)
            .build();

    assertThat(ClusterValidation.validatePriorityClass(pc)).isEmpty();
  }

  @Test
  void keepsAPriorityClassValueOnUpdate() {
    PriorityClass old =
        new PriorityClassBuilder()
            .withMetadata(Fixtures.stored("high", null))
            .withValue(1000)
            .build();
    PriorityClass updated = new PriorityClassBuilder(old).withValue(2000).build();

    assertThat(messages(ClusterValidation.validatePriorityClassUpdate(updated, old)))
        .containsExactly("value: Forbidden: may not be changed in an update.");
  }
}
