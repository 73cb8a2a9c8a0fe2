package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.api.Serialization;
import io.minik8s.apiserver.ApiServer;
import io.minik8s.apiserver.ApiServerOptions;
import io.minik8s.testing.EtcdServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * What the API server leaves in etcd, read back with etcdctl: upstream's key layout under
 * "/registry", JSON values without resourceVersion, Event TTLs and compaction.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdLayoutIT {
  static EtcdServer etcd;
  static ApiServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    etcd = EtcdServer.start();
    server = startServer("--event-ttl=5s", "--etcd-compaction-interval=1s");
    http = new Http(server.url());
  }

  /**
   * TestApiServer always passes --etcd-compaction-interval=0, which picocli refuses to see twice,
   * so this class starts its server with the same flags itself.
   */
  static ApiServer startServer(String... flags) throws Exception {
    List<String> args = new ArrayList<>(List.of(
        "--etcd-servers=" + etcd.endpoint(),
        "--etcd-prefix=/registry",
        "--port=0",
        "--service-cluster-ip-range=127.96.0.0/16"));
    args.addAll(List.of(flags));
    ApiServerOptions options = new ApiServerOptions();
    new CommandLine(options).parseArgs(args.toArray(String[]::new));
    ApiServer started = new ApiServer(options);
    try {
      started.start();
    } catch (Exception e) {
      started.close();
      throw e;
    }
    return started;
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (etcd != null) {
      etcd.close();
    }
  }

  /** The stored value at the key, or null when there is none. */
  static JsonNode stored(String key) {
    String value = etcd.etcdctl("get", key, "--print-value-only").trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Serialization.json().readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON at " + key + ": " + value, e);
    }
  }

  static List<String> keys(String prefix) {
    return etcd.etcdctl("get", prefix, "--prefix", "--keys-only").lines()
        .filter(line -> !line.isBlank()).toList();
  }

  static void create(String path, String json) {
    Http.Answer created = http.post(path, json);
    assertThat(created.code()).as(created.body()).isEqualTo(201);
  }

  @Test
  void podsAreStoredAsJsonUnderRegistryPodsWithoutAResourceVersion() {
    create("/api/v1/namespaces/default/pods", """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"stored","labels":{"app":"x"}},
         "spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}}""");
    JsonNode pod = stored("/registry/pods/default/stored");
    assertThat(pod).as("value at /registry/pods/default/stored").isNotNull();
    assertThat(pod.get("kind").asText()).isEqualTo("Pod");
    assertThat(pod.at("/metadata/name").asText()).isEqualTo("stored");
    assertThat(pod.at("/metadata/namespace").asText()).isEqualTo("default");
    assertThat(pod.at("/metadata/uid").asText()).hasSize(36);
    assertThat(pod.at("/spec/containers/0/image").asText()).isEqualTo("nginx:1.27");
    assertThat(pod.at("/metadata/resourceVersion").isMissingNode()).isTrue();
  }

  @Test
  void nodesAreStoredUnderMinions() {
    create("/api/v1/nodes", "{\"apiVersion\":\"v1\",\"kind\":\"Node\","
        + "\"metadata\":{\"name\":\"layout-node\"}}");
    JsonNode node = stored("/registry/minions/layout-node");
    assertThat(node).isNotNull();
    assertThat(node.get("kind").asText()).isEqualTo("Node");
    assertThat(keys("/registry/nodes/")).isEmpty();
  }

  @Test
  void nodePortServicesAreStoredUnderServiceSpecsWithBothAllocationRanges() {
    create("/api/v1/namespaces/default/services", """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"np"},
         "spec":{"type":"NodePort","selector":{"app":"x"},
          "ports":[{"port":80,"targetPort":8080}]}}""");
    JsonNode service = stored("/registry/services/specs/default/np");
    assertThat(service).isNotNull();
    assertThat(service.at("/spec/type").asText()).isEqualTo("NodePort");
    assertThat(service.at("/spec/ports/0/nodePort").asInt()).isBetween(30000, 32767);
    JsonNode ips = stored("/registry/ranges/serviceips");
    JsonNode ports = stored("/registry/ranges/servicenodeports");
    assertThat(ips).isNotNull();
    assertThat(ips.get("range").asText()).isEqualTo("127.96.0.0/16");
    assertThat(ips.get("data").asText()).isNotEmpty();
    assertThat(ports).isNotNull();
    assertThat(ports.get("range").asText()).isEqualTo("30000-32767");
    assertThat(ports.get("data").asText()).isNotEmpty();
  }

  @Test
  void replicationControllersAreStoredUnderControllers() {
    create("/api/v1/namespaces/default/replicationcontrollers", """
        {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"rc"},
         "spec":{"replicas":1,"selector":{"app":"rc"},
          "template":{"metadata":{"labels":{"app":"rc"}},
           "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""");
    JsonNode rc = stored("/registry/controllers/default/rc");
    assertThat(rc).isNotNull();
    assertThat(rc.get("kind").asText()).isEqualTo("ReplicationController");
    assertThat(keys("/registry/replicationcontrollers/")).isEmpty();
  }

  @Test
  void theBuiltInNamespacesExistAfterTheFirstStart() {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(keys("/registry/namespaces/")).contains(
            "/registry/namespaces/default", "/registry/namespaces/kube-system",
            "/registry/namespaces/kube-public", "/registry/namespaces/kube-node-lease"));
  }

  @Test
  void theKubernetesServiceEndpointsPointAtTheServersPort() {
    int port = server.port();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode endpoints = stored("/registry/services/endpoints/default/kubernetes");
      assertThat(endpoints).isNotNull();
      assertThat(endpoints.at("/subsets/0/ports/0/port").asInt()).isEqualTo(port);
      assertThat(endpoints.at("/subsets/0/addresses/0/ip").asText()).isNotEmpty();
      JsonNode slice = stored("/registry/endpointslices/default/kubernetes");
      assertThat(slice).isNotNull();
      assertThat(slice.at("/ports/0/port").asInt()).isEqualTo(port);
      assertThat(slice.at("/endpoints/0/addresses/0").asText()).isNotEmpty();
    });
    assertThat(stored("/registry/services/specs/default/kubernetes")).isNotNull();
  }

  @Test
  void eventsExpireAfterTheEventTtlFromTheApiAndFromEtcd() {
    create("/api/v1/namespaces/default/events", """
        {"apiVersion":"v1","kind":"Event","metadata":{"name":"short-lived"},
         "involvedObject":{"kind":"Pod","name":"p","namespace":"default"},
         "reason":"Testing","message":"expires","type":"Normal",
         "source":{"component":"test"}}""");
    assertThat(http.get("/api/v1/namespaces/default/events/short-lived").code()).isEqualTo(200);
    String key = "/registry/events/default/short-lived";
    assertThat(stored(key)).isNotNull();
    assertThat(etcd.etcdctl("get", key, "-w", "json")).as("the key is attached to a lease")
        .contains("\"lease\":");

    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> {
      assertThat(http.get("/api/v1/namespaces/default/events/short-lived").code()).isEqualTo(404);
      assertThat(stored(key)).isNull();
    });
  }

  @Test
  @Order(Integer.MAX_VALUE) // its second server would take over the kubernetes endpoints
  void theCompactorCompactsSoAWatchFromRevisionOneIsExpired() throws Exception {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        assertThatThrownBy(() -> etcd.etcdctl("get", "/registry/namespaces/default", "--rev=1"))
            .hasMessageContaining("compacted"));
    // the first server's watch cache still holds every event since revision 1, as upstream's
    // would; a second server's cache starts now, so its watch from 1 must go to etcd
    ApiServer second = startServer("--etcd-compaction-interval=0");
    try {
      Http.Watch watch =
          new Http(second.url()).watch("/api/v1/namespaces?watch=true&resourceVersion=1");
      JsonNode error = watch.next();
      JsonNode end = watch.next();
      assertThat(error.path("type").asText()).as(error.toString()).isEqualTo("ERROR");
      assertThat(error.at("/object/kind").asText()).isEqualTo("Status");
      assertThat(error.at("/object/code").asInt()).isEqualTo(410);
      assertThat(error.at("/object/reason").asText()).isEqualTo("Expired");
      assertThat(end.path("type").asText()).isEqualTo("END");
    } finally {
      second.close();
    }
  }
}
