package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scale and eviction subresources. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SubresourcesIT {
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

  @ParameterizedTest
  @CsvSource({
      "/apis/apps/v1/namespaces/default/deployments, apps/v1, Deployment, app=sc-deploy",
      "/apis/apps/v1/namespaces/default/replicasets, apps/v1, ReplicaSet, app=sc-rs",
      "/api/v1/namespaces/default/replicationcontrollers, v1, ReplicationController, app=sc-rc"})
  void scaleShowsAndChangesOnlyTheReplicas(String collection, String apiVersion, String kind,
      String selector) {
    String app = selector.substring(4);
    String sel = kind.equals("ReplicationController")
        ? "{\"app\":\"" + app + "\"}" : "{\"matchLabels\":{\"app\":\"" + app + "\"}}";
    JsonNode created = http.post(collection, """
        {"apiVersion":"%s","kind":"%s","metadata":{"name":"%s"},
         "spec":{"replicas":2,"selector":%s,"template":{"metadata":{"labels":{"app":"%s"}},
          "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}"""
        .formatted(apiVersion, kind, app, sel, app)).json();
    JsonNode scale = http.get(collection + "/" + app + "/scale").json();
    assertThat(scale.get("kind").asText()).isEqualTo("Scale");
    assertThat(scale.get("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(scale.at("/status/selector").asText()).isEqualTo(selector);
    assertThat(scale.at("/metadata/uid")).isEqualTo(created.at("/metadata/uid"));

    ObjectNode up = scale.deepCopy();
    up.withObject("/spec").put("replicas", 5);
    Http.Answer scaled = http.put(collection + "/" + app + "/scale", up.toString());
    assertThat(scaled.code()).as(scaled.body()).isEqualTo(200);
    assertThat(scaled.json().at("/spec/replicas").asInt()).isEqualTo(5);
    JsonNode after = http.get(collection + "/" + app).json();
    assertThat(after.at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(after.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx");
    assertThat(after.at("/metadata/generation").asLong()).isEqualTo(2);

    // the first Scale's resourceVersion is stale now
    Http.Answer stale = http.put(collection + "/" + app + "/scale", up.toString());
    assertThat(stale.code()).isEqualTo(409);
  }

  @Test
  void discoveryListsScaleAndEvictionWithTheirKinds() {
    JsonNode apps = http.get("/apis/apps/v1").json();
    assertThat(apps.toString()).contains(
        "{\"name\":\"deployments/scale\",\"singularName\":\"\",\"namespaced\":true,"
            + "\"group\":\"autoscaling\",\"version\":\"v1\",\"kind\":\"Scale\"");
    JsonNode core = http.get("/api/v1").json();
    assertThat(core.toString()).contains("\"name\":\"pods/eviction\"",
        "\"group\":\"policy\",\"version\":\"v1\",\"kind\":\"Eviction\"");
  }

  private static void runningPod(String name, String app) {
    JsonNode pod = http.post("/api/v1/namespaces/default/pods", """
        {"metadata":{"name":"%s","labels":{"app":"%s"}},
         "spec":{"containers":[{"name":"c","image":"nginx"}]}}""".formatted(name, app)).json();
    ObjectNode running = pod.deepCopy();
    running.withObject("/status").put("phase", "Running");
    assertThat(http.put("/api/v1/namespaces/default/pods/" + name + "/status",
        running.toString()).code()).isEqualTo(200);
  }

  private static void budget(String name, String app, int allowed) {
    JsonNode pdb = http.post("/apis/policy/v1/namespaces/default/poddisruptionbudgets", """
        {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"%s"},
         "spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"%s"}}}}"""
        .formatted(name, app)).json();
    ObjectNode withStatus = pdb.deepCopy();
    withStatus.putObject("status").put("observedGeneration", pdb.at("/metadata/generation").asLong())
        .put("disruptionsAllowed", allowed).put("currentHealthy", 1 + allowed)
        .put("desiredHealthy", 1).put("expectedPods", 1 + allowed);
    assertThat(http.put("/apis/policy/v1/namespaces/default/poddisruptionbudgets/" + name
        + "/status", withStatus.toString()).code()).isEqualTo(200);
  }

  private static Http.Answer evict(String pod) {
    return http.post("/api/v1/namespaces/default/pods/" + pod + "/eviction",
        "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"" + pod
            + "\"}}");
  }

  @Test
  void evictionWithoutABudgetDeletesThePod() {
    runningPod("ev-free", "ev-free");
    Http.Answer evicted = evict("ev-free");
    assertThat(evicted.code()).isEqualTo(201);
    assertThat(evicted.json().get("status").asText()).isEqualTo("Success");
    assertThat(http.get("/api/v1/namespaces/default/pods/ev-free").code()).isEqualTo(404);
  }

  @Test
  void aBudgetThatAllowsNoDisruptionRefusesTheEvictionWith429() {
    runningPod("ev-held", "ev-held");
    budget("ev-held-pdb", "ev-held", 0);
    Http.Answer refused = evict("ev-held");
    assertThat(refused.code()).isEqualTo(429);
    assertThat(refused.json().get("reason").asText()).isEqualTo("TooManyRequests");
    assertThat(refused.json().get("message").asText())
        .isEqualTo("Cannot evict pod as it would violate the pod's disruption budget.");
    assertThat(refused.json().at("/details/causes/0/reason").asText())
        .isEqualTo("DisruptionBudget");
    assertThat(http.get("/api/v1/namespaces/default/pods/ev-held").code()).isEqualTo(200);
  }

  @Test
  void anEvictionConsumesTheBudgetsAllowedDisruption() {
    runningPod("ev-one", "ev-pair");
    runningPod("ev-two", "ev-pair");
    budget("ev-pair-pdb", "ev-pair", 1);
    assertThat(evict("ev-one").code()).isEqualTo(201);
    JsonNode pdb = http.get("/apis/policy/v1/namespaces/default/poddisruptionbudgets/ev-pair-pdb")
        .json();
    assertThat(pdb.at("/status/disruptionsAllowed").asInt()).isZero();
    assertThat(pdb.at("/status/disruptedPods/ev-one").isMissingNode()).isFalse();
    assertThat(evict("ev-two").code()).isEqualTo(429);
    assertThat(http.get("/api/v1/namespaces/default/pods/ev-two").code()).isEqualTo(200);
  }

  @Test
  void pendingPodsAreEvictedRegardlessOfBudgets() {
    http.post("/api/v1/namespaces/default/pods", """
        {"metadata":{"name":"ev-pending","labels":{"app":"ev-pend"}},
         "spec":{"containers":[{"name":"c","image":"nginx"}]}}""");
    budget("ev-pend-pdb", "ev-pend", 0);
    assertThat(evict("ev-pending").code()).isEqualTo(201);
    assertThat(http.get("/api/v1/namespaces/default/pods/ev-pending").code()).isEqualTo(404);
  }
}
