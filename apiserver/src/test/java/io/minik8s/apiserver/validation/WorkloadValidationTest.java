package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.deployment;
import static io.minik8s.apiserver.validation.Fixtures.messages;
import static io.minik8s.apiserver.validation.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadValidationTest {

  static Stream<Arguments> invalidDeployments() {
    return Stream.of(
        Arguments.of(
            "negative replicas",
            change(d -> d.editSpec().withReplicas(-1).endSpec()),
            List.of("spec.replicas: Invalid value: -1: must be greater than or equal to 0")),
        Arguments.of(
            "no selector",
            change(d -> d.editSpec().withSelector(null).endSpec()),
            List.of("spec.selector: Required value")),
        Arguments.of(
            "an empty selector",
            change(d -> d.editSpec().withSelector(new LabelSelectorBuilder().build()).endSpec()),
            List.of("spec.selector: Invalid value: {}: empty selector is invalid for deployment")),
        Arguments.of(
            "template labels that do not match",
            change(d -> d.editSpec().withTemplate(template(Map.of("app", "db"))).endSpec()),
            List.of(
                "spec.template.metadata.labels: Invalid value: {\"app\":\"db\"}: `selector` does"
                    + " not match template `labels`")),
        Arguments.of(
            "a template that restarts on failure only",
            change(
                d ->
                    d.editSpec()
                        .editTemplate()
                        .editSpec()
                        .withRestartPolicy("OnFailure")
                        .endSpec()
                        .endTemplate()
                        .endSpec()),
            List.of(
                "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported"
                    + " values: \"Always\"")),
        Arguments.of(
            "a template container without name, reported under spec.template.spec",
            change(
                d ->
                    d.editSpec()
                        .editTemplate()
                        .editSpec()
                        .editFirstContainer()
                        .withName(null)
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()),
            List.of("spec.template.spec.containers[0].name: Required value")),
        Arguments.of(
            "a rolling update that may neither surge nor be unavailable",
            change(
                d ->
                    d.editSpec()
                        .withNewStrategy()
                        .withType("RollingUpdate")
                        .withNewRollingUpdate()
                        .withMaxSurge(new IntOrString(0))
                        .withMaxUnavailable(new IntOrString("0%"))
                        .endRollingUpdate()
                        .endStrategy()
                        .endSpec()),
            List.of(
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when"
                    + " `maxSurge` is 0")),
        Arguments.of(
            "a maxUnavailable over 100% and a malformed maxSurge",
            change(
                d ->
                    d.editSpec()
                        .withNewStrategy()
                        .withType("RollingUpdate")
                        .withNewRollingUpdate()
                        .withMaxSurge(new IntOrString("half"))
                        .withMaxUnavailable(new IntOrString("120%"))
                        .endRollingUpdate()
                        .endStrategy()
                        .endSpec()),
            List.of(
                "spec.strategy.rollingUpdate.maxSurge: Invalid value: half: a valid percent string"
                    + " must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%',"
                    + " regex used for validation is '[0-9]+%')",
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 120%: must not be"
                    + " greater than 100%")),
        Arguments.of(
            "a Recreate strategy with rolling update parameters",
            change(
                d ->
                    d.editSpec()
                        .withNewStrategy()
                        .withType("Recreate")
                        .withNewRollingUpdate()
                        .endRollingUpdate()
                        .endStrategy()
                        .endSpec()),
            List.of(
                "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy"
                    + " `type` is 'Recreate'")),
        Arguments.of(
            "a negative history limit and a deadline not above minReadySeconds",
            change(
                d ->
                    d.editSpec()
                        .withRevisionHistoryLimit(-1)
                        .withMinReadySeconds(10)
                        .withProgressDeadlineSeconds(10)
                        .endSpec()),
            List.of(
                "spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
                "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than"
                    + " minReadySeconds")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDeployments")
  void reportsUpstreamsErrorsForDeployments(
      String description, UnaryOperator<DeploymentBuilder> change, List<String> expected) {
    Deployment d = change.apply(deployment()).build();

    assertThat(messages(WorkloadValidation.validateDeployment(d, true)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void acceptsAValidDeployment() {
    assertThat(WorkloadValidation.validateDeployment(deployment().build(), true)).isEmpty();
  }

  @Test
  void keepsAnAppsV1SelectorImmutable() {
    Deployment old = deployment().withMetadata(Fixtures.stored("web", "default")).build();
    Deployment updated =
        new DeploymentBuilder(old)
            .editSpec()
            .editSelector()
            .addToMatchLabels("tier", "front")
            .endSelector()
            .withTemplate(template(Map.of("app", "web", "tier", "front")))
            .endSpec()
            .build();

    assertThat(messages(WorkloadValidation.validateDeploymentUpdate(updated, old, true)))
        .containsExactly(
            "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web\",\"tier\":\"front\"}}:"
                + " field is immutable");
  }

  @Test
  void matchesReplicaSetSelectorsWithExpressions() {
    ReplicaSet rs =
        Fixtures.replicaSet()
            .editSpec()
            .withNewSelector()
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("In")
            .withValues("web", "api")
            .endMatchExpression()
            .endSelector()
            .endSpec()
            .build();
    ReplicaSet mismatched =
        new ReplicaSetBuilder(rs)
            .editSpec()
            .withTemplate(template(Map.of("app", "db")))
            .endSpec()
            .build();

    assertThat(WorkloadValidation.validateReplicaSet(rs, true)).isEmpty();
    assertThat(messages(WorkloadValidation.validateReplicaSet(mismatched, true)))
        .containsExactly(
            "spec.template.metadata.labels: Invalid value: {\"app\":\"db\"}: `selector` does not"
                + " match template `labels`");
  }

  @Test
  void rejectsSelectorExpressionsWithoutValues() {
    ReplicaSet rs =
        Fixtures.replicaSet()
            .editSpec()
            .editSelector()
            .addNewMatchExpression()
            .withKey("tier")
            .withOperator("NotIn")
            .endMatchExpression()
            .endSelector()
            .endSpec()
            .build();

    assertThat(messages(WorkloadValidation.validateReplicaSet(rs, true)))
        .containsExactly(
            "spec.selector.matchExpressions[0].values: Required value: must be specified when"
                + " `operator` is 'In' or 'NotIn'");
  }

  @Test
  void requiresAReplicationControllersSelectorToMatchItsTemplate() {
    ReplicationController rc =
        Fixtures.replicationController()
            .editSpec()
            .withSelector(Map.of("app", "other"))
            .endSpec()
            .build();

    assertThat(messages(WorkloadValidation.validateReplicationController(rc, true)))
        .containsExactly(
            "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not"
                + " match template `labels`");
  }

  @Test
  void forbidsDeadlinesInReplicationControllerTemplates() {
    ReplicationController rc =
        Fixtures.replicationController()
            .editSpec()
            .editTemplate()
            .editSpec()
            .withActiveDeadlineSeconds(5L)
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    assertThat(messages(WorkloadValidation.validateReplicationController(rc, true)))
        .containsExactly(
            "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in"
                + " ReplicationController is not Supported");
  }

  private static UnaryOperator<DeploymentBuilder> change(UnaryOperator<DeploymentBuilder> c) {
    return c;
  }
}
