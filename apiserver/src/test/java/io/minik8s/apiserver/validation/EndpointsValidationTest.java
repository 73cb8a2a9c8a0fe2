package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import org.junit.jupiter.api.Test;

class EndpointsValidationTest {

  @Test
  void validatesEndpointAddressesAndPorts() {
    Endpoints ep =
        new EndpointsBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("default")
            .endMetadata()
            .addNewSubset()
            .withAddresses(
                new EndpointAddressBuilder().withIp("10.1.0.5").build(),
                new EndpointAddressBuilder().withIp("10.1.0.x").build(),
                new EndpointAddressBuilder().withIp("169.254.1.1").build())
            .withPorts(
                new EndpointPortBuilder().withPort(80).withProtocol("TCP").build(),
                new EndpointPortBuilder().withName("b").withPort(81).withProtocol("TCP").build())
            .endSubset()
            .addNewSubset()
            .endSubset()
            .build();

    assertThat(messages(EndpointsValidation.validateEndpoints(ep, true)))
        .containsExactly(
            "subsets[0].addresses[1].ip: Invalid value: \"10.1.0.x\": must be a valid IP address,"
                + " (e.g. 10.9.8.7 or 2001:db8::ffff)",
            "subsets[0].addresses[2].ip: Invalid value: \"169.254.1.1\": may not be in the"
                + " link-local range (169.254.0.0/16, fe80::/10)",
            "subsets[0].ports[0].name: Required value",
            "subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`");
  }

  @Test
  void acceptsLoopbackEndpointsForLocalClusters() {
    Endpoints ep =
        new EndpointsBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("default")
            .endMetadata()
            .addNewSubset()
            .withAddresses(new EndpointAddressBuilder().withIp("127.0.0.2").build())
            .endSubset()
            .build();

    assertThat(EndpointsValidation.validateEndpoints(ep, true)).isEmpty();
  }

  @Test
  void validatesEndpointSliceAddressTypesAndAddresses() {
    EndpointSlice slice =
        new EndpointSliceBuilder()
            .withNewMetadata()
            .withName("web-abc12")
            .withNamespace("default")
            .endMetadata()
            .withAddressType("IPv4")
            .addNewEndpoint()
            .withAddresses("2001:db8::1")
            .endEndpoint()
            .addNewEndpoint()
            .endEndpoint()
            .addNewPort()
            .withName("http")
            .withPort(80)
            .withProtocol("TCP")
            .endPort()
            .addNewPort()
            .withName("http")
            .withPort(81)
            .withProtocol("TCP")
            .endPort()
            .build();

    assertThat(messages(EndpointsValidation.validateEndpointSlice(slice, true)))
        .containsExactly(
            "endpoints[0].addresses[0]: Invalid value: \"2001:db8::1\": must be a valid IPv4"
                + " address",
            "endpoints[1].addresses: Required value: must contain at least 1 address",
            "ports[1].name: Duplicate value: \"http\"");
  }

  @Test
  void rejectsUnknownAddressTypesAndKeepsTheTypeOnUpdate() {
    EndpointSlice old =
        new EndpointSliceBuilder()
            .withMetadata(Fixtures.stored("web-abc12", "default"))
            .withAddressType("IPv4")
            .build();
    EndpointSlice updated = new EndpointSliceBuilder(old).withAddressType("IPv7").build();

    assertThat(messages(EndpointsValidation.validateEndpointSliceUpdate(updated, old, true)))
        .containsExactly(
            "addressType: Unsupported value: \"IPv7\": supported values: \"FQDN\", \"IPv4\","
                + " \"IPv6\"",
            "addressType: Invalid value: \"IPv7\": field is immutable");
  }
}
