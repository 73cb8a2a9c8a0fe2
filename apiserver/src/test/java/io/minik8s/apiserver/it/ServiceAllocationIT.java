package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServiceAllocationIT {
  static TestApiServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = TestApiServer.start("--service-node-port-range=30000-30100");
    http = new Http(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String service(String name, String type, String extra) {
    return """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"%s"},
         "spec":{"type":"%s","selector":{"app":"%s"},"ports":[{"port":80%s}]%s}}"""
        .formatted(name, type, name, "", extra);
  }

  @Test
  void servicesGetAClusterIpFromTheRangeAndNodePortsFromTheirs() {
    JsonNode svc = http.post("/api/v1/namespaces/default/services",
        service("np", "NodePort", "")).json();
    String ip = svc.at("/spec/clusterIP").asText();
    assertThat(ip).startsWith("127.96.").isNotEqualTo("127.96.0.1");
    assertThat(svc.at("/spec/clusterIPs/0").asText()).isEqualTo(ip);
    int nodePort = svc.at("/spec/ports/0/nodePort").asInt();
    assertThat(nodePort).isBetween(30000, 30100);
    assertThat(svc.at("/spec/ports/0/targetPort").asInt()).isEqualTo(80);
    assertThat(svc.at("/spec/sessionAffinity").asText()).isEqualTo("None");
  }

  @Test
  void allocationsAreUniqueAcrossServicesAndSurviveARestart() {
    Set<String> ips = new HashSet<>();
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      JsonNode svc = http.post("/api/v1/namespaces/default/services",
          service("uniq-" + i, "NodePort", "")).json();
      ips.add(svc.at("/spec/clusterIP").asText());
      ports.add(svc.at("/spec/ports/0/nodePort").asInt());
    }
    server = server.restart("--service-node-port-range=30000-30100");
    http = new Http(server.url());
    for (int i = 10; i < 20; i++) {
      JsonNode svc = http.post("/api/v1/namespaces/default/services",
          service("uniq-" + i, "NodePort", "")).json();
      ips.add(svc.at("/spec/clusterIP").asText());
      ports.add(svc.at("/spec/ports/0/nodePort").asInt());
    }
    assertThat(ips).hasSize(20);
    assertThat(ports).hasSize(20);
  }

  @Test
  void aRequestedAddressOutsideTheRangeIsInvalid() {
    Http.Answer a = http.post("/api/v1/namespaces/default/services",
        service("outside", "ClusterIP", ",\"clusterIP\":\"10.0.0.5\""));
    assertThat(a.code()).isEqualTo(422);
    assertThat(a.json().at("/details/causes/0/field").asText()).isEqualTo("spec.clusterIPs");
    assertThat(a.json().get("message").asText())
        .contains("provided IP is not in the valid range. The range of valid IPs is 127.96.0.0/16");
    assertThat(http.get("/api/v1/namespaces/default/services/outside").code()).isEqualTo(404);
  }

  @Test
  void aTakenAddressOrPortIsInvalid() {
    JsonNode first = http.post("/api/v1/namespaces/default/services",
        service("first", "NodePort", "")).json();
    String ip = first.at("/spec/clusterIP").asText();
    int port = first.at("/spec/ports/0/nodePort").asInt();
    Http.Answer sameIp = http.post("/api/v1/namespaces/default/services",
        service("same-ip", "ClusterIP", ",\"clusterIP\":\"" + ip + "\""));
    assertThat(sameIp.code()).isEqualTo(422);
    assertThat(sameIp.json().get("message").asText()).contains("provided IP is already allocated");
    Http.Answer samePort = http.post("/api/v1/namespaces/default/services", """
        {"metadata":{"name":"same-port"},"spec":{"type":"NodePort",
         "ports":[{"port":80,"nodePort":%d}]}}""".formatted(port));
    assertThat(samePort.code()).isEqualTo(422);
    assertThat(samePort.json().at("/details/causes/0/field").asText())
        .isEqualTo("spec.ports[0].nodePort");
    Http.Answer outOfRange = http.post("/api/v1/namespaces/default/services", """
        {"metadata":{"name":"far-port"},"spec":{"type":"NodePort",
         "ports":[{"port":80,"nodePort":31999}]}}""");
    assertThat(outOfRange.code()).isEqualTo(422);
    assertThat(outOfRange.json().get("message").asText())
        .contains("provided port is not in the valid range. The range of valid ports is 30000-30100");
  }

  @Test
  void deletingAServiceReleasesItsAddressAndPort() {
    JsonNode svc = http.post("/api/v1/namespaces/default/services", """
        {"metadata":{"name":"release"},"spec":{"type":"NodePort","clusterIP":"127.96.200.7",
         "ports":[{"port":80,"nodePort":30099}]}}""").json();
    assertThat(svc.at("/spec/clusterIP").asText()).isEqualTo("127.96.200.7");
    assertThat(http.delete("/api/v1/namespaces/default/services/release").code()).isEqualTo(200);
    Http.Answer again = http.post("/api/v1/namespaces/default/services", """
        {"metadata":{"name":"release-again"},"spec":{"type":"NodePort",
         "clusterIP":"127.96.200.7","ports":[{"port":80,"nodePort":30099}]}}""");
    assertThat(again.code()).as(again.body()).isEqualTo(201);
  }

  @Test
  void anUpdateThatOmitsAllocatedValuesKeepsThem() {
    JsonNode svc = http.post("/api/v1/namespaces/default/services",
        service("keep", "NodePort", "")).json();
    String omitted = """
        {"metadata":{"name":"keep"},"spec":{"type":"NodePort","selector":{"app":"other"},
         "ports":[{"port":80}]}}""";
    JsonNode updated = http.put("/api/v1/namespaces/default/services/keep", omitted).json();
    assertThat(updated.at("/spec/clusterIP")).isEqualTo(svc.at("/spec/clusterIP"));
    assertThat(updated.at("/spec/ports/0/nodePort")).isEqualTo(svc.at("/spec/ports/0/nodePort"));
    assertThat(updated.at("/spec/selector/app").asText()).isEqualTo("other");
  }

  @Test
  void headlessServicesGetNoAddress() {
    JsonNode svc = http.post("/api/v1/namespaces/default/services",
        service("headless", "ClusterIP", ",\"clusterIP\":\"None\"")).json();
    assertThat(svc.at("/spec/clusterIP").asText()).isEqualTo("None");
  }
}
