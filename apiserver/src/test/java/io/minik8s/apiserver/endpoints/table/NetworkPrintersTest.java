package io.minik8s.apiserver.endpoints.table;

import static io.minik8s.apiserver.endpoints.table.PodFixture.NOW;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.meta;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.printer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Services, Endpoints and EndpointSlices: the printers with the most cell formats. */
class NetworkPrintersTest {

  static ServiceBuilder service(String type) {
    return new ServiceBuilder()
        .withMetadata(meta("web"))
        .withNewSpec()
        .withType(type)
        .withClusterIP("10.96.0.12")
        .withClusterIPs("10.96.0.12")
        .endSpec();
  }

  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of(
            "cluster IP",
            service("ClusterIP")
                .editSpec()
                .withSelector(Map.of("app", "web"))
                .addNewPort()
                .withPort(80)
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build(),
            List.of("web", "ClusterIP", "10.96.0.12", "<none>", "80/TCP", "3m20s", "app=web")),
        Arguments.of(
            "node port",
            service("NodePort")
                .editSpec()
                .addNewPort()
                .withPort(80)
                .withNodePort(32720)
                .withProtocol("TCP")
                .endPort()
                .addNewPort()
                .withPort(53)
                .withNodePort(30053)
                .withProtocol("UDP")
                .endPort()
                .endSpec()
                .build(),
            List.of(
                "web",
                "NodePort",
                "10.96.0.12",
                "<none>",
                "80:32720/TCP,53:30053/UDP",
                "3m20s",
                "<none>")),
        Arguments.of(
            "external IPs",
            service("ClusterIP")
                .editSpec()
                .withExternalIPs("192.0.2.1", "192.0.2.2")
                .addNewPort()
                .withPort(443)
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build(),
            List.of(
                "web",
                "ClusterIP",
                "10.96.0.12",
                "192.0.2.1,192.0.2.2",
                "443/TCP",
                "3m20s",
                "<none>")),
        Arguments.of(
            "load balancer waiting for an address",
            service("LoadBalancer")
                .editSpec()
                .addNewPort()
                .withPort(80)
                .withNodePort(31000)
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build(),
            List.of(
                "web",
                "LoadBalancer",
                "10.96.0.12",
                "<pending>",
                "80:31000/TCP",
                "3m20s",
                "<none>")),
        Arguments.of(
            "load balancer with ingress",
            service("LoadBalancer")
                .withNewStatus()
                .withNewLoadBalancer()
                .addNewIngress()
                .withHostname("lb.example.com")
                .endIngress()
                .addNewIngress()
                .withIp("203.0.113.7")
                .endIngress()
                .endLoadBalancer()
                .endStatus()
                .build(),
            List.of(
                "web",
                "LoadBalancer",
                "10.96.0.12",
                "203.0.113.7,lb.example.com",
                "<none>",
                "3m20s",
                "<none>")),
        Arguments.of(
            "headless",
            service("ClusterIP")
                .editSpec()
                .withClusterIP("None")
                .withClusterIPs("None")
                .endSpec()
                .build(),
            List.of("web", "ClusterIP", "None", "<none>", "<none>", "3m20s", "<none>")),
        Arguments.of(
            "external name",
            new ServiceBuilder()
                .withMetadata(meta("db"))
                .withNewSpec()
                .withType("ExternalName")
                .withExternalName("db.example.com")
                .endSpec()
                .build(),
            List.of("db", "ExternalName", "<none>", "db.example.com", "<none>", "3m20s", "<none>")),
        Arguments.of(
            "only clusterIP set (clusterIPs as conversion fills it)",
            new ServiceBuilder()
                .withMetadata(meta("old"))
                .withNewSpec()
                .withType("ClusterIP")
                .withClusterIP("10.96.0.9")
                .endSpec()
                .build(),
            List.of("old", "ClusterIP", "10.96.0.9", "<none>", "<none>", "3m20s", "<none>")));
  }

  @ParameterizedTest(name = "service: {0}")
  @MethodSource("services")
  void printsServices(String name, HasMetadata service, List<Object> cells) {
    assertThat(printer("/services").cells(service, NOW)).containsExactlyElementsOf(cells);
  }

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of(
            "no subsets", new EndpointsBuilder().withMetadata(meta("e")).build(), "<none>"),
        Arguments.of(
            "addresses times ports",
            new EndpointsBuilder()
                .withMetadata(meta("e"))
                .addNewSubset()
                .addNewAddress()
                .withIp("10.1.0.1")
                .endAddress()
                .addNewAddress()
                .withIp("10.1.0.2")
                .endAddress()
                .addNewPort()
                .withPort(8080)
                .endPort()
                .endSubset()
                .build(),
            "10.1.0.1:8080,10.1.0.2:8080"),
        Arguments.of(
            "more than three",
            new EndpointsBuilder()
                .withMetadata(meta("e"))
                .addNewSubset()
                .addNewAddress()
                .withIp("10.1.0.1")
                .endAddress()
                .addNewAddress()
                .withIp("10.1.0.2")
                .endAddress()
                .addNewAddress()
                .withIp("10.1.0.3")
                .endAddress()
                .addNewPort()
                .withName("http")
                .withPort(80)
                .endPort()
                .addNewPort()
                .withName("https")
                .withPort(443)
                .endPort()
                .endSubset()
                .build(),
            "10.1.0.1:80,10.1.0.2:80,10.1.0.3:80 + 3 more..."),
        Arguments.of(
            "headless without ports, IPv6",
            new EndpointsBuilder()
                .withMetadata(meta("e"))
                .addNewSubset()
                .addNewAddress()
                .withIp("fd00::1")
                .endAddress()
                .endSubset()
                .addNewSubset()
                .addNewAddress()
                .withIp("fd00::2")
                .endAddress()
                .addNewPort()
                .withPort(53)
                .endPort()
                .endSubset()
                .build(),
            "fd00::1,[fd00::2]:53"));
  }

  @ParameterizedTest(name = "endpoints: {0}")
  @MethodSource("endpoints")
  void printsEndpoints(String name, HasMetadata endpoints, String cell) {
    assertThat(printer("/endpoints").cells(endpoints, NOW)).containsExactly("e", cell, "3m20s");
  }

  static Stream<Arguments> slices() {
    return Stream.of(
        Arguments.of(
            new EndpointSliceBuilder()
                .withMetadata(meta("web-abc"))
                .withAddressType("IPv4")
                .addNewPort()
                .withName("http")
                .withPort(80)
                .endPort()
                .addNewEndpoint()
                .withAddresses("10.1.0.1")
                .endEndpoint()
                .addNewEndpoint()
                .withAddresses("10.1.0.2")
                .endEndpoint()
                .build(),
            List.of("web-abc", "IPv4", "80", "10.1.0.1,10.1.0.2", "3m20s")),
        Arguments.of(
            new EndpointSliceBuilder().withMetadata(meta("empty")).withAddressType("IPv6").build(),
            List.of("empty", "IPv6", "<unset>", "<unset>", "3m20s")),
        Arguments.of(
            new EndpointSliceBuilder()
                .withMetadata(meta("many"))
                .withAddressType("IPv4")
                .addNewPort()
                .withName("a")
                .endPort()
                .addNewPort()
                .endPort()
                .addNewPort()
                .withPort(1)
                .endPort()
                .addNewPort()
                .withPort(2)
                .endPort()
                .addNewEndpoint()
                .withAddresses("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5")
                .endEndpoint()
                .build(),
            List.of(
                "many",
                "IPv4",
                "a,*,1 + 1 more...",
                "10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...",
                "3m20s")));
  }

  @ParameterizedTest
  @MethodSource("slices")
  void printsEndpointSlices(HasMetadata slice, List<Object> cells) {
    assertThat(printer("discovery.k8s.io/endpointslices").cells(slice, NOW))
        .containsExactlyElementsOf(cells);
  }
}
