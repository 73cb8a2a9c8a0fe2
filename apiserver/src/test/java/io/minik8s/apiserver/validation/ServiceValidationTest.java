package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.messages;
import static io.minik8s.apiserver.validation.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceValidationTest {

  static Stream<Arguments> invalidServices() {
    return Stream.of(
        Arguments.of(
            "a name that starts with a digit",
            change(s -> s.editMetadata().withName("1web").endMetadata()),
            List.of("metadata.name: Invalid value: \"1web\": " + NameValidationTest.DNS1035_REGEX)),
        Arguments.of(
            "no ports",
            change(s -> s.editSpec().withPorts(List.of()).endSpec()),
            List.of("spec.ports: Required value")),
        Arguments.of(
            "two unnamed ports",
            change(s -> s.editSpec().withPorts(port(null, 80), port(null, 443)).endSpec()),
            List.of("spec.ports[0].name: Required value", "spec.ports[1].name: Required value")),
        Arguments.of(
            "two ports with one name and one port number",
            change(s -> s.editSpec().withPorts(port("http", 80), port("http", 80)).endSpec()),
            List.of(
                "spec.ports[1].name: Duplicate value: \"http\"",
                "spec.ports[1]: Duplicate value: {\"port\":80,\"protocol\":\"TCP\"}")),
        Arguments.of(
            "a port out of range, a bad protocol and a bad target port name",
            change(
                s ->
                    s.editSpec()
                        .withPorts(
                            new ServicePortBuilder()
                                .withPort(0)
                                .withProtocol("HTTP")
                                .withNewTargetPort("Web_Port")
                                .build())
                        .endSpec()),
            List.of(
                "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\","
                    + " \"TCP\", \"UDP\"",
                "spec.ports[0].targetPort: Invalid value: \"Web_Port\": must contain only"
                    + " alpha-numeric characters (a-z, 0-9), and hyphens (-)")),
        Arguments.of(
            "a nodePort on a ClusterIP service",
            change(s -> s.editSpec().editFirstPort().withNodePort(30080).endPort().endSpec()),
            List.of(
                "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'")),
        Arguments.of(
            "an unknown type and session affinity",
            change(s -> s.editSpec().withType("Magic").withSessionAffinity("Sticky").endSpec()),
            List.of(
                "spec.sessionAffinity: Unsupported value: \"Sticky\": supported values:"
                    + " \"ClientIP\", \"None\"",
                "spec.type: Unsupported value: \"Magic\": supported values: \"ClusterIP\","
                    + " \"ExternalName\", \"LoadBalancer\", \"NodePort\"")),
        Arguments.of(
            "a malformed cluster IP",
            change(s -> s.editSpec().withClusterIP("10.0.0.256").endSpec()),
            List.of(
                "spec.clusterIP: Invalid value: \"10.0.0.256\": must be empty, 'None', or a valid"
                    + " IP address")),
        Arguments.of(
            "a headless NodePort service",
            change(s -> s.editSpec().withType("NodePort").withClusterIP("None").endSpec()),
            List.of(
                "spec.clusterIP: Invalid value: \"None\": may not be set to 'None' for NodePort"
                    + " services")),
        Arguments.of(
            "an ExternalName service without name",
            change(s -> s.editSpec().withType("ExternalName").withPorts(List.of()).endSpec()),
            List.of("spec.externalName: Required value")),
        Arguments.of(
            "a selector with a bad label value",
            change(s -> s.editSpec().withSelector(Map.of("app", "web!")).endSpec()),
            List.of(
                "spec.selector: Invalid value: \"web!\": "
                    + NameValidationTest.LABEL_VALUE_REGEX)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidServices")
  void reportsUpstreamsErrorsForServices(
      String description, UnaryOperator<ServiceBuilder> change, List<String> expected) {
    List<FieldError> errors =
        ServiceValidation.validateService(change.apply(service()).build(), true);

    assertThat(messages(errors)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void acceptsHeadlessServicesWithoutPorts() {
    Service headless =
        service().editSpec().withClusterIP("None").withPorts(List.of()).endSpec().build();

    assertThat(ServiceValidation.validateService(headless, true)).isEmpty();
  }

  @Test
  void acceptsNodePortServicesWithNodePorts() {
    Service nodePort =
        service()
            .editSpec()
            .withType("NodePort")
            .editFirstPort()
            .withNodePort(30080)
            .endPort()
            .endSpec()
            .build();

    assertThat(ServiceValidation.validateService(nodePort, true)).isEmpty();
  }

  @Test
  void keepsAnAssignedClusterIpOnUpdate() {
    Service old =
        service()
            .withMetadata(Fixtures.stored("web", "default"))
            .editSpec()
            .withClusterIP("10.96.0.10")
            .withClusterIPs("10.96.0.10")
            .endSpec()
            .build();
    Service updated =
        new ServiceBuilder(old)
            .editSpec()
            .withClusterIP("10.96.0.11")
            .withClusterIPs("10.96.0.11")
            .endSpec()
            .build();

    assertThat(messages(ServiceValidation.validateServiceUpdate(updated, old, true)))
        .containsExactly(
            "spec.clusterIP: Invalid value: \"10.96.0.11\": field is immutable",
            "spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.11\"}: may not change once set");
  }

  @Test
  void letsAnUpdateChangeTheClusterIpWhenLeavingExternalName() {
    Service old =
        service()
            .withMetadata(Fixtures.stored("web", "default"))
            .editSpec()
            .withClusterIP("10.96.0.10")
            .withClusterIPs("10.96.0.10")
            .endSpec()
            .build();
    Service updated =
        new ServiceBuilder(old)
            .editSpec()
            .withType("ExternalName")
            .withExternalName("example.com.")
            .withClusterIP(null)
            .withClusterIPs(List.of())
            .endSpec()
            .build();

    assertThat(ServiceValidation.validateServiceUpdate(updated, old, true)).isEmpty();
  }

  private static ServicePort port(String name, int port) {
    return new ServicePortBuilder().withName(name).withPort(port).withProtocol("TCP").build();
  }

  private static UnaryOperator<ServiceBuilder> change(UnaryOperator<ServiceBuilder> c) {
    return c;
  }
}
