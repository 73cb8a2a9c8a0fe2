package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NamespaceLifecycleIT {
  static TestApiServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
    http = new Http(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void builtInNamespacesAndTheKubernetesServiceExistAfterTheFirstStart() {
    JsonNode list = http.get("/api/v1/namespaces").json();
    assertThat(list.get("items").findValuesAsText("name"))
        .contains("default", "kube-system", "kube-public", "kube-node-lease");
    JsonNode svc = http.get("/api/v1/namespaces/default/services/kubernetes").json();
    assertThat(svc.at("/spec/clusterIP").asText()).isEqualTo("127.96.0.1");
    assertThat(svc.at("/spec/ports/0/port").asInt()).isEqualTo(443);
    int port = Integer.parseInt(server.url().replaceAll(".*:", ""));
    JsonNode ep = http.get("/api/v1/namespaces/default/endpoints/kubernetes").json();
    assertThat(ep.at("/subsets/0/ports/0/port").asInt()).isEqualTo(port);
    assertThat(ep.at("/subsets/0/addresses/0/ip").asText()).isEqualTo("127.0.0.1");
    JsonNode slice = http.get(
        "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes").json();
    assertThat(slice.at("/ports/0/port").asInt()).isEqualTo(port);
    JsonNode classes = http.get("/apis/scheduling.k8s.io/v1/priorityclasses").json();
    assertThat(classes.get("items").findValuesAsText("name"))
        .contains("system-cluster-critical", "system-node-critical");
  }

  @Test
  void aRestartKeepsTheBuiltInObjectsAndCreatesNoDuplicates() {
    String uid = http.get("/api/v1/namespaces/kube-system").json().at("/metadata/uid").asText();
    server = server.restart();
    http = new Http(server.url());
    assertThat(http.get("/api/v1/namespaces/kube-system").json().at("/metadata/uid").asText())
        .isEqualTo(uid);
  }

  @Test
  void newNamespacesGetTheFinalizerPhaseAndNameLabel() {
    JsonNode ns = http.post("/api/v1/namespaces",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team-a\"}}").json();
    assertThat(ns.at("/spec/finalizers/0").asText()).isEqualTo("kubernetes");
    assertThat(ns.at("/status/phase").asText()).isEqualTo("Active");
    assertThat(ns.at("/metadata/labels/kubernetes.io~1metadata.name").asText())
        .isEqualTo("team-a");
  }

  @Test
  void creatingInAMissingNamespaceIsNotFound() {
    Http.Answer a = http.post("/api/v1/namespaces/nowhere/configmaps",
        "{\"metadata\":{\"name\":\"x\"}}");
    assertThat(a.code()).isEqualTo(404);
    assertThat(a.json().get("message").asText()).isEqualTo("namespaces \"nowhere\" not found");
  }

  @Test
  void aDeletedNamespaceTerminatesRefusesNewContentAndGoesAwayWhenFinalized() {
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"doomed\"}}");
    http.post("/api/v1/namespaces/doomed/configmaps", "{\"metadata\":{\"name\":\"before\"}}");
    JsonNode deleting = http.delete("/api/v1/namespaces/doomed").json();
    assertThat(deleting.at("/status/phase").asText()).isEqualTo("Terminating");
    assertThat(deleting.at("/metadata/deletionTimestamp").asText()).isNotEmpty();

    Http.Answer refused = http.post("/api/v1/namespaces/doomed/configmaps",
        "{\"metadata\":{\"name\":\"after\"}}");
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains(
        "unable to create new content in namespace doomed because it is being terminated");
    assertThat(http.get("/api/v1/namespaces/doomed").code()).isEqualTo(200);

    JsonNode current = http.get("/api/v1/namespaces/doomed").json();
    String finalized = current.toString().replace("\"finalizers\":[\"kubernetes\"]",
        "\"finalizers\":[]");
    Http.Answer done = http.put("/api/v1/namespaces/doomed/finalize", finalized);
    assertThat(done.code()).isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/doomed").code()).isEqualTo(404);
  }

  @Test
  void aPlainUpdateCannotRemoveTheNamespaceFinalizer() {
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"sticky\"}}");
    JsonNode current = http.get("/api/v1/namespaces/sticky").json();
    String edited = current.toString().replace("\"finalizers\":[\"kubernetes\"]",
        "\"finalizers\":[]");
    JsonNode updated = http.put("/api/v1/namespaces/sticky", edited).json();
    assertThat(updated.at("/spec/finalizers/0").asText()).isEqualTo("kubernetes");
  }

  @Test
  void builtInNamespacesCannotBeDeleted() {
    assertThat(http.delete("/api/v1/namespaces/kube-system").code()).isEqualTo(403);
    assertThat(http.get("/api/v1/namespaces/kube-system").json().at("/status/phase").asText())
        .isEqualTo("Active");
  }
}
