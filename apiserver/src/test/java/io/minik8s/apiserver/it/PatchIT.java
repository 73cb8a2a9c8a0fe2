package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PATCH over HTTP, shaped as kubectl 1.32 sends it (kubectl-wire.md §9.2). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PatchIT {
  static final String MERGE = "application/merge-patch+json";
  static final String STRATEGIC = "application/strategic-merge-patch+json";
  static final String JSON = "application/json-patch+json";
  static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
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

  static Http.Answer patch(String path, String type, String body) {
    return http.send("PATCH", path, body, type, "application/json");
  }

  static JsonNode deployment(String name) {
    Http.Answer created = http.post(DEPLOYMENTS, """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s","labels":{"app":"%s"}},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"%s"}},"template":{"metadata":
          {"labels":{"app":"%s"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25",
          "ports":[{"containerPort":80}]},{"name":"sidecar","image":"busybox"}]}}}}"""
        .formatted(name, name, name, name));
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  static JsonNode configMap(String name) {
    Http.Answer created = http.post(CONFIGMAPS, """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","labels":{"keep":"yes"}},
         "data":{"a":"1"}}""".formatted(name));
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  @Test
  void scalesWithAMergePatchOfTheDeployment() {
    deployment("scale-main");
    Http.Answer patched = patch(DEPLOYMENTS + "/scale-main", MERGE, "{\"spec\":{\"replicas\":3}}");
    assertThat(patched.code()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(patched.json().at("/metadata/generation").asInt()).isEqualTo(2);
    assertThat(http.get(DEPLOYMENTS + "/scale-main").json().at("/spec/replicas").asInt())
        .isEqualTo(3);
  }

  @Test
  void scalesThroughTheScaleSubresourceAsKubectlScaleDoes() {
    deployment("scale-sub");
    Http.Answer patched = patch(DEPLOYMENTS + "/scale-sub/scale", MERGE,
        "{\"spec\":{\"replicas\":4}}");
    assertThat(patched.code()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().get("kind").asText()).isEqualTo("Scale");
    assertThat(patched.json().at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(http.get(DEPLOYMENTS + "/scale-sub").json().at("/spec/replicas").asInt())
        .isEqualTo(4);
    Http.Answer negative = patch(DEPLOYMENTS + "/scale-sub/scale", MERGE,
        "{\"spec\":{\"replicas\":-1}}");
    assertThat(negative.code()).isEqualTo(422);
    assertThat(negative.json().get("message").asText()).isEqualTo("Scale.autoscaling "
        + "\"scale-sub\" is invalid: spec.replicas: Invalid value: -1: must be greater than or "
        + "equal to 0");
  }

  @Test
  void labelsAndAnnotatesWithMergePatchesAndNullRemoves() {
    configMap("labelled");
    Http.Answer labelled = patch(CONFIGMAPS + "/labelled?fieldManager=kubectl-label", MERGE,
        "{\"metadata\":{\"labels\":{\"env\":\"prod\"},\"annotations\":{\"note\":\"x\"}}}");
    assertThat(labelled.code()).as(labelled.body()).isEqualTo(200);
    assertThat(labelled.json().at("/metadata/labels").toString())
        .isEqualTo("{\"keep\":\"yes\",\"env\":\"prod\"}");
    assertThat(labelled.json().at("/metadata/annotations/note").asText()).isEqualTo("x");
    Http.Answer unlabelled = patch(CONFIGMAPS + "/labelled", MERGE,
        "{\"metadata\":{\"labels\":{\"env\":null}}}");
    assertThat(http.get(CONFIGMAPS + "/labelled").json().at("/metadata/labels").toString())
        .isEqualTo("{\"keep\":\"yes\"}");
    assertThat(unlabelled.code()).isEqualTo(200);
  }

  @Test
  void setImageChangesOneContainerAndKeepsTheOrder() {
    deployment("set-image");
    Http.Answer patched = patch(DEPLOYMENTS + "/set-image?fieldManager=kubectl-set", STRATEGIC, """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},
          {"name":"sidecar"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}""");
    assertThat(patched.code()).as(patched.body()).isEqualTo(200);
    JsonNode containers = patched.json().at("/spec/template/spec/containers");
    assertThat(containers.get(0).get("name").asText()).isEqualTo("nginx");
    assertThat(containers.get(0).get("image").asText()).isEqualTo("nginx:1.26");
    assertThat(containers.get(0).at("/ports/0/containerPort").asInt()).isEqualTo(80);
    assertThat(containers.get(1).get("image").asText()).isEqualTo("busybox");
    assertThat(patched.json().at("/metadata/generation").asInt()).isEqualTo(2);
  }

  @Test
  void rolloutRestartAnnotatesThePodTemplate() {
    deployment("restart");
    Http.Answer patched = patch(DEPLOYMENTS + "/restart?fieldManager=kubectl-rollout",
        STRATEGIC, """
        {"spec":{"template":{"metadata":{"annotations":
          {"kubectl.kubernetes.io/restartedAt":"2025-01-01T00:00:00Z"}}}}}""");
    assertThat(patched.code()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().at("/spec/template/metadata/annotations")
        .get("kubectl.kubernetes.io/restartedAt").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(patched.json().at("/spec/template/metadata/labels/app").asText())
        .isEqualTo("restart");
  }

  @Test
  void cordonsAndUncordonsANode() {
    assertThat(http.post("/api/v1/nodes",
        "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"cordon-me\"}}").code())
        .isEqualTo(201);
    Http.Answer cordoned = patch("/api/v1/nodes/cordon-me", STRATEGIC,
        "{\"spec\":{\"unschedulable\":true}}");
    assertThat(cordoned.code()).as(cordoned.body()).isEqualTo(200);
    assertThat(cordoned.json().at("/spec/unschedulable").asBoolean()).isTrue();
    Http.Answer uncordoned = patch("/api/v1/nodes/cordon-me", STRATEGIC,
        "{\"spec\":{\"unschedulable\":null}}");
    assertThat(uncordoned.json().at("/spec").has("unschedulable")).isFalse();
    assertThat(http.get("/api/v1/nodes/cordon-me").json().at("/spec").has("unschedulable"))
        .isFalse();
  }

  @Test
  void taintsAreReplacedAsAWholeList() {
    http.post("/api/v1/nodes", """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"tainted"},
         "spec":{"taints":[{"key":"old","effect":"NoSchedule"}]}}""");
    Http.Answer patched = patch(
        "/api/v1/nodes/tainted?fieldManager=kubectl-taint&fieldValidation=Strict", STRATEGIC,
        "{\"spec\":{\"taints\":[{\"effect\":\"NoExecute\",\"key\":\"new\",\"value\":\"v\"}]}}");
    assertThat(patched.code()).as(patched.body()).isEqualTo(200);
    JsonNode taints = patched.json().at("/spec/taints");
    assertThat(taints).hasSize(1);
    assertThat(taints.get(0).get("key").asText()).isEqualTo("new");
  }

  @Test
  void rollsBackWithAJsonPatchAsRolloutUndoDoes() {
    JsonNode created = deployment("undo");
    Http.Answer annotated = patch(DEPLOYMENTS + "/undo", MERGE,
        "{\"metadata\":{\"annotations\":{\"deployment.kubernetes.io/revision\":\"2\"}}}");
    assertThat(annotated.code()).isEqualTo(200);
    JsonNode template = created.at("/spec/template").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) template.at("/spec/containers/0"))
        .put("image", "nginx:1.24");
    Http.Answer undone = patch(DEPLOYMENTS + "/undo", JSON, """
        [{"op":"replace","path":"/spec/template","value":%s},
         {"op":"replace","path":"/metadata/annotations","value":
           {"deployment.kubernetes.io/revision":"3"}}]""".formatted(template));
    assertThat(undone.code()).as(undone.body()).isEqualTo(200);
    assertThat(undone.json().at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("nginx:1.24");
    assertThat(undone.json().at("/metadata/annotations").toString())
        .isEqualTo("{\"deployment.kubernetes.io/revision\":\"3\"}");
  }

  @Test
  void aFailedJsonPatchTestIsUpstreams422() {
    configMap("tested");
    Http.Answer failed = patch(CONFIGMAPS + "/tested", JSON,
        "[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"2\"},"
            + "{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"3\"}]");
    assertThat(failed.code()).isEqualTo(422);
    assertThat(failed.json().get("reason").asText()).isEqualTo("Invalid");
    assertThat(failed.json().get("message").asText())
        .isEqualTo("the server rejected our request due to an error in our request");
    assertThat(http.get(CONFIGMAPS + "/tested").json().at("/data/a").asText()).isEqualTo("1");
  }

  @Test
  void aResourceVersionInThePatchIsAPrecondition() {
    String version = configMap("guarded").at("/metadata/resourceVersion").asText();
    assertThat(patch(CONFIGMAPS + "/guarded", MERGE, "{\"data\":{\"b\":\"2\"}}").code())
        .isEqualTo(200);
    Http.Answer stale = patch(CONFIGMAPS + "/guarded", MERGE,
        "{\"metadata\":{\"resourceVersion\":\"" + version + "\"},\"data\":{\"c\":\"3\"}}");
    assertThat(stale.code()).isEqualTo(409);
    assertThat(stale.json().get("reason").asText()).isEqualTo("Conflict");
    assertThat(stale.json().get("message").asText()).isEqualTo("Operation cannot be fulfilled "
        + "on configmaps \"guarded\": the object has been modified; please apply your changes "
        + "to the latest version and try again");
    String current = http.get(CONFIGMAPS + "/guarded").json().at("/metadata/resourceVersion")
        .asText();
    Http.Answer fresh = patch(CONFIGMAPS + "/guarded", MERGE,
        "{\"metadata\":{\"resourceVersion\":\"" + current + "\"},\"data\":{\"c\":\"3\"}}");
    assertThat(fresh.code()).as(fresh.body()).isEqualTo(200);
    assertThat(fresh.json().at("/data").toString())
        .isEqualTo("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}");
  }

  @Test
  void concurrentPatchesOfDifferentFieldsAllLand() throws Exception {
    configMap("contended");
    int writers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<CompletableFuture<Integer>> codes = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String body = "{\"metadata\":{\"labels\":{\"w" + i + "\":\"" + i + "\"}}}";
        codes.add(CompletableFuture.supplyAsync(
            () -> patch(CONFIGMAPS + "/contended", MERGE, body).code(), pool));
      }
      for (CompletableFuture<Integer> code : codes) {
        assertThat(code.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    JsonNode labels = http.get(CONFIGMAPS + "/contended").json().at("/metadata/labels");
    IntStream.range(0, writers).forEach(i ->
        assertThat(labels.get("w" + i)).as("label w" + i).isNotNull());
    assertThat(labels.get("keep").asText()).isEqualTo("yes");
  }

  @Test
  void theStatusSubresourcePatchesOnlyTheStatus() {
    deployment("status-patch");
    Http.Answer patched = patch(DEPLOYMENTS + "/status-patch/status", MERGE,
        "{\"status\":{\"replicas\":5},\"spec\":{\"replicas\":9}}");
    assertThat(patched.code()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().at("/status/replicas").asInt()).isEqualTo(5);
    assertThat(patched.json().at("/spec/replicas").asInt()).isEqualTo(1);
    Http.Answer main = patch(DEPLOYMENTS + "/status-patch", MERGE,
        "{\"status\":{\"replicas\":7}}");
    assertThat(main.json().at("/status/replicas").asInt()).as("status ignored on the object")
        .isEqualTo(5);
  }

  @Test
  void removingTheLastFinalizerCompletesAPendingDeletion() {
    http.post(CONFIGMAPS, """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"held",
         "finalizers":["example.com/hold"]}}""");
    assertThat(http.delete(CONFIGMAPS + "/held").code()).isEqualTo(200);
    assertThat(http.get(CONFIGMAPS + "/held").json().at("/metadata/deletionTimestamp").isTextual())
        .isTrue();
    Http.Answer released = patch(CONFIGMAPS + "/held", JSON,
        "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
    assertThat(released.code()).as(released.body()).isEqualTo(200);
    assertThat(http.get(CONFIGMAPS + "/held").code()).isEqualTo(404);
  }

  @Test
  void aPatchLeavingNothingToChangeKeepsTheResourceVersion() {
    String version = configMap("same").at("/metadata/resourceVersion").asText();
    Http.Answer same = patch(CONFIGMAPS + "/same", STRATEGIC, "{\"data\":{\"a\":\"1\"}}");
    assertThat(same.code()).isEqualTo(200);
    assertThat(same.json().at("/metadata/resourceVersion").asText()).isEqualTo(version);
  }

  @Test
  void anInvalidResultIs422AndAMissingObject404() {
    deployment("invalid-result");
    Http.Answer invalid = patch(DEPLOYMENTS + "/invalid-result", MERGE,
        "{\"spec\":{\"replicas\":-1}}");
    assertThat(invalid.code()).isEqualTo(422);
    assertThat(invalid.json().at("/details/causes/0/field").asText()).isEqualTo("spec.replicas");
    Http.Answer missing = patch(DEPLOYMENTS + "/nope", MERGE, "{\"spec\":{\"replicas\":1}}");
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.json().get("message").asText())
        .isEqualTo("deployments.apps \"nope\" not found");
  }

  @Test
  void otherBodiesAreUnsupportedMediaTypes() {
    configMap("typed");
    for (String type : List.of("application/apply-patch+yaml", "application/json", "text/plain")) {
      Http.Answer answer = patch(CONFIGMAPS + "/typed", type, "{}");
      assertThat(answer.code()).as(type).isEqualTo(415);
      assertThat(answer.json().get("message").asText()).isEqualTo("the body of the request was "
          + "in an unknown format - accepted media types include: application/json-patch+json,"
          + " application/merge-patch+json, application/strategic-merge-patch+json");
    }
    assertThat(patch(CONFIGMAPS, MERGE, "{}").code()).as("no PATCH on a collection")
        .isEqualTo(405);
  }
}
