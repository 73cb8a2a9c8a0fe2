package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.container;
import static io.minik8s.apiserver.validation.Fixtures.messages;
import static io.minik8s.apiserver.validation.Fixtures.storedPod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodUpdateValidationTest {
  private static final TolerationBuilder NOT_READY =
      new TolerationBuilder()
          .withKey("node.kubernetes.io/not-ready")
          .withOperator("Exists")
          .withEffect("NoExecute")
          .withTolerationSeconds(300L);

  static Stream<Arguments> allowedUpdates() {
    return Stream.of(
        Arguments.of(
            "a new image",
            change(
                p ->
                    p.editSpec()
                        .withContainers(
                            new ContainerBuilder(container("app")).withImage("nginx:1.26").build())
                        .endSpec())),
        Arguments.of(
            "a new label",
            change(p -> p.editMetadata().addToLabels("tier", "front").endMetadata())),
        Arguments.of(
            "an added toleration",
            change(p -> p.editSpec().addToTolerations(NOT_READY.build()).endSpec())),
        Arguments.of(
            "a set deadline", change(p -> p.editSpec().withActiveDeadlineSeconds(30L).endSpec())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowedUpdates")
  void allowsWhatUpstreamAllowsToChange(String description, UnaryOperator<PodBuilder> change) {
    Pod old = storedPod().build();
    Pod updated = change.apply(storedPod()).build();

    assertThat(PodUpdateValidation.validatePodUpdate(updated, old, true)).isEmpty();
  }

  @Test
  void forbidsChangingAnythingElseOfTheSpecWithUpstreamsMessage() {
    Pod old = storedPod().build();
    Pod updated = storedPod().editSpec().withNodeName("node-b").endSpec().build();

    List<FieldError> errors = PodUpdateValidation.validatePodUpdate(updated, old, true);

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).field()).isEqualTo("spec");
    assertThat(errors.get(0).type()).isEqualTo(FieldError.Type.FORBIDDEN);
    assertThat(errors.get(0).detail())
        .startsWith(
            "pod updates may not change fields other than `spec.containers[*].image`,"
                + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations`"
                + " (only additions to existing tolerations),`spec.terminationGracePeriodSeconds`"
                + " (allow it to be set to 1 if it was previously negative)\n")
        .contains("spec.nodeName: <unset> -> \"node-b\"");
  }

  @Test
  void forbidsAddingContainers() {
    Pod old = storedPod().build();
    Pod updated = storedPod().editSpec().addToContainers(container("side")).endSpec().build();

    assertThat(messages(PodUpdateValidation.validatePodUpdate(updated, old, true)))
        .containsExactly(
            "spec.containers: Forbidden: pod updates may not add or remove containers");
  }

  @Test
  void forbidsRemovingAnExistingToleration() {
    Pod old = storedPod().editSpec().withTolerations(NOT_READY.build()).endSpec().build();
    Pod updated = storedPod().build();

    assertThat(messages(PodUpdateValidation.validatePodUpdate(updated, old, true)))
        .containsExactly(
            "spec.tolerations: Forbidden: existing toleration can not be modified except its"
                + " tolerationSeconds");
  }

  @Test
  void forbidsRaisingTheDeadline() {
    Pod old = storedPod().editSpec().withActiveDeadlineSeconds(30L).endSpec().build();
    Pod updated = storedPod().editSpec().withActiveDeadlineSeconds(60L).endSpec().build();

    assertThat(messages(PodUpdateValidation.validatePodUpdate(updated, old, true)))
        .containsExactly(
            "spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to"
                + " previous value");
  }

  @Test
  void keepsMetadataIdentityImmutable() {
    Pod old = storedPod().build();
    Pod updated =
        storedPod().editMetadata().withUid("other").withName("web2").endMetadata().build();

    assertThat(messages(PodUpdateValidation.validatePodUpdate(updated, old, true)))
        .contains(
            "metadata.name: Invalid value: \"web2\": field is immutable",
            "metadata.uid: Invalid value: \"other\": field is immutable");
  }

  @Test
  void statusUpdatesMayNotMoveThePodToAnotherNode() {
    Pod old = storedPod().editSpec().withNodeName("node-a").endSpec().build();
    Pod updated =
        storedPod()
            .editSpec()
            .withNodeName("node-b")
            .endSpec()
            .withNewStatus()
            .withPodIPs(
                new PodIPBuilder().withIp("10.0.0.1").build(),
                new PodIPBuilder().withIp("10.0.0.300").build())
            .endStatus()
            .build();

    assertThat(messages(PodUpdateValidation.validatePodStatusUpdate(updated, old)))
        .containsExactly(
            "status.nodeName: Forbidden: may not be changed directly",
            "status.podIPs[1]: Invalid value: \"10.0.0.300\": must be a valid IP address, (e.g."
                + " 10.9.8.7 or 2001:db8::ffff)");
  }

  private static UnaryOperator<PodBuilder> change(UnaryOperator<PodBuilder> change) {
    return change;
  }
}
