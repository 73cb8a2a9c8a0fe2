package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidatorsTest {

  static Stream<Arguments> objectsWithOneProblemEach() {
    return Stream.of(
        Arguments.of(
            Fixtures.pod()
                .editSpec()
                .withContainers(Fixtures.container("a"), Fixtures.container("a"))
                .endSpec()
                .build(),
            true,
            "spec.containers[1].name: Duplicate value: \"a\""),
        Arguments.of(
            Fixtures.service().editMetadata().withName("1web").endMetadata().build(),
            true,
            "metadata.name: Invalid value: \"1web\": " + NameValidationTest.DNS1035_REGEX),
        Arguments.of(
            Fixtures.deployment().editSpec().withReplicas(-2).endSpec().build(),
            true,
            "spec.replicas: Invalid value: -2: must be greater than or equal to 0"),
        Arguments.of(
            new NamespaceBuilder().withNewMetadata().withName("a.b").endMetadata().build(),
            false,
            "metadata.name: Invalid value: \"a.b\": must not contain dots"),
        Arguments.of(
            new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build(),
            true,
            "metadata.namespace: Required value"),
        Arguments.of(
            new RoleBuilder()
                .withNewMetadata()
                .withName("Reader")
                .withNamespace("default")
                .endMetadata()
                .build(),
            true,
            "metadata.name: Invalid value: \"Reader\": " + NameValidationTest.SUBDOMAIN_REGEX));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objectsWithOneProblemEach")
  void dispatchesOnTheJavaTypeWithGenericRulesForOtherKinds(
      HasMetadata obj, boolean namespaced, String expected) {
    assertThat(messages(Validators.validate(obj, namespaced))).containsExactly(expected);
  }

  @Test
  void appliesTheKindsUpdateRulesAndReportsEachErrorOnce() {
    Pod old = Fixtures.storedPod().build();
    Pod updated =
        new PodBuilder(old)
            .editMetadata()
            .addToLabels("bad key!", "v")
            .endMetadata()
            .editSpec()
            .withNodeName("elsewhere")
            .endSpec()
            .build();

    List<String> errors = messages(Validators.validateUpdate(updated, old));

    assertThat(errors).filteredOn(e -> e.startsWith("metadata.labels")).hasSize(1);
    assertThat(errors).anyMatch(e -> e.startsWith("spec: Forbidden: pod updates may not change"));
  }

  @Test
  void checksPodStatusUpdatesWithTheStatusRules() {
    Pod old = Fixtures.storedPod().build();
    Pod updated = new PodBuilder(old).editSpec().withNodeName("node-x").endSpec().build();

    assertThat(messages(Validators.validateStatusUpdate(updated, old)))
        .containsExactly("status.nodeName: Forbidden: may not be changed directly");
  }
}
