package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyValidationTest {

  @Test
  void rejectsABudgetWithBothMinAvailableAndMaxUnavailable() {
    PodDisruptionBudget pdb =
        pdb()
            .editSpec()
            .withMinAvailable(new IntOrString(1))
            .withMaxUnavailable(new IntOrString(1))
            .endSpec()
            .build();

    List<FieldError> errors = PolicyValidation.validatePodDisruptionBudget(pdb, true);

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).field()).isEqualTo("spec");
    assertThat(errors.get(0).detail())
        .isEqualTo("minAvailable and maxUnavailable cannot be both set");
  }

  static Stream<Arguments> invalidBudgets() {
    return Stream.of(
        Arguments.of(
            new IntOrString(-1),
            "spec.minAvailable: Invalid value: -1: must be greater than or equal to 0"),
        Arguments.of(
            new IntOrString("150%"),
            "spec.minAvailable: Invalid value: 150%: must not be greater than 100%"));
  }

  @ParameterizedTest(name = "minAvailable {0}")
  @MethodSource("invalidBudgets")
  void requiresBudgetsToBeNonNegativeCountsOrPercentsUpTo100(IntOrString value, String expected) {
    PodDisruptionBudget pdb = pdb().editSpec().withMinAvailable(value).endSpec().build();

    assertThat(messages(PolicyValidation.validatePodDisruptionBudget(pdb, true)))
        .containsExactly(expected);
  }

  @Test
  void requiresAPositiveLeaseDuration() {
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName("node-1")
            .withNamespace("kube-node-lease")
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity("node-1")
            .withLeaseDurationSeconds(0)
            .endSpec()
            .build();

    assertThat(messages(PolicyValidation.validateLease(lease, true)))
        .containsExactly("spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0");
  }

  @Test
  void requiresAnEventsInvolvedObjectToLiveInTheEventsNamespace() {
    Event event =
        event()
            .withNewInvolvedObject()
            .withKind("Pod")
            .withName("web")
            .withNamespace("prod")
            .endInvolvedObject()
            .build();

    assertThat(messages(PolicyValidation.validateEvent(event, true)))
        .containsExactly(
            "involvedObject.namespace: Invalid value: \"prod\": does not match event.namespace");
  }

  @Test
  void acceptsEventsAboutClusterScopedObjectsInTheDefaultNamespace() {
    Event event =
        event()
            .withNewInvolvedObject()
            .withKind("Node")
            .withName("node-1")
            .endInvolvedObject()
            .build();

    assertThat(PolicyValidation.validateEvent(event, true)).isEmpty();
  }

  private static PodDisruptionBudgetBuilder pdb() {
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(Fixtures.APP)
        .endSelector()
        .endSpec();
  }

  private static EventBuilder event() {
    return new EventBuilder()
        .withNewMetadata()
        .withName("web.17a8b3c2d1e0f")
        .withNamespace("default")
        .endMetadata()
        .withReason("Scheduled")
        .withMessage("assigned");
  }
}
