package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.container;
import static io.minik8s.apiserver.validation.Fixtures.messages;
import static io.minik8s.apiserver.validation.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodValidationTest {

  static Stream<Arguments> invalidPods() {
    return Stream.of(
        Arguments.of(
            "no containers",
            change(p -> p.editSpec().withContainers(List.of()).endSpec()),
            List.of("spec.containers: Required value")),
        Arguments.of(
            "two containers named a",
            change(p -> p.editSpec().withContainers(container("a"), container("a")).endSpec()),
            List.of("spec.containers[1].name: Duplicate value: \"a\"")),
        Arguments.of(
            "an init container named like a container",
            change(p -> p.editSpec().withInitContainers(container("app")).endSpec()),
            List.of("spec.initContainers[0].name: Duplicate value: \"app\"")),
        Arguments.of(
            "a container name that is no DNS label",
            change(p -> p.editSpec().withContainers(container("App_1")).endSpec()),
            List.of(
                "spec.containers[0].name: Invalid value: \"App_1\": "
                    + NameValidationTest.LABEL_REGEX)),
        Arguments.of(
            "a container without image",
            change(
                p ->
                    p.editSpec()
                        .withContainers(new ContainerBuilder().withName("app").build())
                        .endSpec()),
            List.of("spec.containers[0].image: Required value")),
        Arguments.of(
            "ports with bad numbers, a bad protocol and a repeated name",
            change(
                p ->
                    p.editSpec()
                        .withContainers(
                            new ContainerBuilder(container("app"))
                                .withPorts(
                                    port("http", 80, null, "TCP"), port("http", 0, 70000, "ICMP"))
                                .build())
                        .endSpec()),
            List.of(
                "spec.containers[0].ports[1].name: Duplicate value: \"http\"",
                "spec.containers[0].ports[1].containerPort: Required value",
                "spec.containers[0].ports[1].hostPort: Invalid value: 70000: must be between 1 and"
                    + " 65535, inclusive",
                "spec.containers[0].ports[1].protocol: Unsupported value: \"ICMP\": supported"
                    + " values: \"SCTP\", \"TCP\", \"UDP\"")),
        Arguments.of(
            "two containers claiming one host port",
            change(
                p ->
                    p.editSpec()
                        .withContainers(
                            new ContainerBuilder(container("a"))
                                .withPorts(port(null, 80, 8080, "TCP"))
                                .build(),
                            new ContainerBuilder(container("b"))
                                .withPorts(port(null, 81, 8080, "TCP"))
                                .build())
                        .endSpec()),
            List.of("spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\"")),
        Arguments.of(
            "an env var without name and one with a bad name",
            change(
                p ->
                    p.editSpec()
                        .withContainers(
                            new ContainerBuilder(container("app"))
                                .withEnv(
                                    new EnvVarBuilder().withValue("x").build(),
                                    new EnvVarBuilder().withName("1X").withValue("y").build())
                                .build())
                        .endSpec()),
            List.of(
                "spec.containers[0].env[0].name: Required value",
                "spec.containers[0].env[1].name: Invalid value: \"1X\": a valid environment"
                    + " variable name must consist of alphabetic characters, digits, '_', '-', or"
                    + " '.', and must not start with a digit (e.g. 'my.env-name',  or"
                    + " 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is"
                    + " '[-._a-zA-Z][-._a-zA-Z0-9]*')")),
        Arguments.of(
            "a cpu request above its limit",
            change(
                p ->
                    p.editSpec()
                        .withContainers(
                            new ContainerBuilder(container("app"))
                                .withNewResources()
                                .withLimits(Map.of("cpu", new Quantity("500m")))
                                .withRequests(Map.of("cpu", new Quantity("1")))
                                .endResources()
                                .build())
                        .endSpec()),
            List.of(
                "spec.containers[0].resources.requests: Invalid value: \"1\": must be less than"
                    + " or equal to cpu limit of 500m")),
        Arguments.of(
            "a malformed and a negative quantity",
            change(
                p ->
                    p.editSpec()
                        .withContainers(
                            new ContainerBuilder(container("app"))
                                .withNewResources()
                                .withLimits(Map.of("memory", new Quantity("12XB")))
                                .withRequests(Map.of("cpu", new Quantity("-1")))
                                .endResources()
                                .build())
                        .endSpec()),
            List.of(
                "spec.containers[0].resources.limits[memory]: Invalid value: 12XB: quantities must"
                    + " match the regular expression"
                    + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
                "spec.containers[0].resources.requests[cpu]: Invalid value: -1: must be greater"
                    + " than or equal to 0")),
        Arguments.of(
            "a restart policy and a dns policy upstream does not know",
            change(
                p -> p.editSpec().withRestartPolicy("Sometimes").withDnsPolicy("Google").endSpec()),
            List.of(
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values:"
                    + " \"Always\", \"OnFailure\", \"Never\"",
                "spec.dnsPolicy: Unsupported value: \"Google\": supported values:"
                    + " \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"")),
        Arguments.of(
            "two volumes named data and one with two sources",
            change(
                p ->
                    p.editSpec()
                        .withVolumes(
                            new VolumeBuilder()
                                .withName("data")
                                .withNewEmptyDir()
                                .endEmptyDir()
                                .build(),
                            new VolumeBuilder()
                                .withName("data")
                                .withNewEmptyDir()
                                .endEmptyDir()
                                .withNewHostPath()
                                .withPath("/tmp")
                                .endHostPath()
                                .build())
                        .endSpec()),
            List.of(
                "spec.volumes[1].emptyDir: Forbidden: may not specify more than 1 volume type",
                "spec.volumes[1].name: Duplicate value: \"data\"")),
        Arguments.of(
            "a volume mount naming no volume",
            change(
                p ->
                    p.editSpec()
                        .withContainers(
                            new ContainerBuilder(container("app"))
                                .withVolumeMounts(
                                    new VolumeMountBuilder()
                                        .withName("missing")
                                        .withMountPath("/data")
                                        .build())
                                .build())
                        .endSpec()),
            List.of("spec.containers[0].volumeMounts[0].name: Not found: \"missing\"")),
        Arguments.of(
            "a probe without handler and a liveness probe needing two successes",
            change(
                p ->
                    p.editSpec()
                        .withContainers(
                            new ContainerBuilder(container("app"))
                                .withReadinessProbe(
                                    new ProbeBuilder().withPeriodSeconds(-1).build())
                                .withLivenessProbe(
                                    new ProbeBuilder()
                                        .withNewTcpSocket()
                                        .withNewPort(8080)
                                        .endTcpSocket()
                                        .withSuccessThreshold(2)
                                        .build())
                                .build())
                        .endSpec()),
            List.of(
                "spec.containers[0].readinessProbe: Required value: must specify a handler type",
                "spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be"
                    + " greater than or equal to 0",
                "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1")),
        Arguments.of(
            "a node name that is no subdomain",
            change(p -> p.editSpec().withNodeName("Node_1").endSpec()),
            List.of(
                "spec.nodeName: Invalid value: \"Node_1\": " + NameValidationTest.SUBDOMAIN_REGEX)),
        Arguments.of(
            "tolerations with a bad operator and effect",
            change(
                p ->
                    p.editSpec()
                        .withTolerations(
                            new TolerationBuilder()
                                .withKey("k")
                                .withOperator("Maybe")
                                .withEffect("NoRun")
                                .build(),
                            new TolerationBuilder().withOperator("Equal").withValue("v").build())
                        .endSpec()),
            List.of(
                "spec.tolerations[0].operator: Unsupported value: \"Maybe\": supported values:"
                    + " \"Equal\", \"Exists\"",
                "spec.tolerations[0].effect: Unsupported value: \"NoRun\": supported values:"
                    + " \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
                "spec.tolerations[1].operator: Invalid value: \"Equal\": operator must be Exists"
                    + " when `key` is empty, which means \"match all values and all keys\"")),
        Arguments.of(
            "a negative grace period and a zero deadline",
            change(
                p ->
                    p.editSpec()
                        .withTerminationGracePeriodSeconds(-5L)
                        .withActiveDeadlineSeconds(0L)
                        .endSpec()),
            List.of(
                "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647,"
                    + " inclusive",
                "spec.terminationGracePeriodSeconds: Invalid value: -5: must be greater than or"
                    + " equal to 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPods")
  void reportsUpstreamsErrorsAtUpstreamsPaths(
      String description, UnaryOperator<PodBuilder> change, List<String> expected) {
    List<FieldError> errors = PodValidation.validatePod(change.apply(pod()).build(), true);

    assertThat(messages(errors)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void acceptsAValidPod() {
    assertThat(PodValidation.validatePod(pod().build(), true)).isEmpty();
  }

  @Test
  void acceptsAPodWhoseDefaultedFieldsAreStillEmpty() {
    PodBuilder undefaulted =
        pod()
            .editSpec()
            .withRestartPolicy(null)
            .withDnsPolicy(null)
            .withContainers(
                new ContainerBuilder(container("app"))
                    .withPorts(new ContainerPortBuilder().withContainerPort(80).build())
                    .build())
            .endSpec();

    assertThat(PodValidation.validatePod(undefaulted.build(), true)).isEmpty();
  }

  @Test
  void allowsTemplatesWithoutImagesUnlikePods() {
    var template = Fixtures.template(Fixtures.APP);
    template.getSpec().getContainers().get(0).setImage(null);

    assertThat(PodValidation.validatePodTemplateSpec(template, "spec.template")).isEmpty();
  }

  private static UnaryOperator<PodBuilder> change(UnaryOperator<PodBuilder> change) {
    return change;
  }

  private static io.fabric8.kubernetes.api.model.ContainerPort port(
      String name, int containerPort, Integer hostPort, String protocol) {
    return new ContainerPortBuilder()
        .withName(name)
        .withContainerPort(containerPort)
        .withHostPort(hostPort)
        .withProtocol(protocol)
        .build();
  }
}
