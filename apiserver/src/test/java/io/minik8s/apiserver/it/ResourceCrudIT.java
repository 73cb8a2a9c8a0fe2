package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResourceCrudIT {
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

  static String pod(String name) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"web"}},
         "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}""".formatted(name);
  }

  @Test
  void createsPodsWithServerOwnedMetadataAndDefaults() {
    Http.Answer created = http.post("/api/v1/namespaces/default/pods", pod("meta"));
    assertThat(created.code()).isEqualTo(201);
    JsonNode pod = created.json();
    assertThat(pod.at("/metadata/uid").asText()).hasSize(36);
    assertThat(pod.at("/metadata/creationTimestamp").asText()).endsWith("Z");
    assertThat(pod.at("/metadata/resourceVersion").asLong()).isPositive();
    assertThat(pod.at("/metadata/namespace").asText()).isEqualTo("default");
    assertThat(pod.at("/status/phase").asText()).isEqualTo("Pending");
    assertThat(pod.at("/status/qosClass").asText()).isEqualTo("BestEffort");
    assertThat(pod.at("/spec/restartPolicy").asText()).isEqualTo("Always");
    assertThat(pod.at("/spec/schedulerName").asText()).isEqualTo("default-scheduler");
    assertThat(pod.at("/spec/tolerations").toString())
        .contains("node.kubernetes.io/not-ready").contains("node.kubernetes.io/unreachable");

    JsonNode got = http.get("/api/v1/namespaces/default/pods/meta").json();
    assertThat(got.at("/metadata/uid")).isEqualTo(pod.at("/metadata/uid"));
    assertThat(got.at("/metadata/resourceVersion")).isEqualTo(pod.at("/metadata/resourceVersion"));
  }

  @Test
  void generateNameProducesUniqueNames() {
    String body = """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"cfg-"},"data":{"a":"b"}}""";
    String first = http.post("/api/v1/namespaces/default/configmaps", body).json()
        .at("/metadata/name").asText();
    String second = http.post("/api/v1/namespaces/default/configmaps", body).json()
        .at("/metadata/name").asText();
    assertThat(first).startsWith("cfg-").hasSize(9);
    assertThat(second).startsWith("cfg-").isNotEqualTo(first);
  }

  @Test
  void creatingTwiceIsAlreadyExists() {
    assertThat(http.post("/api/v1/namespaces/default/pods", pod("twice")).code()).isEqualTo(201);
    Http.Answer again = http.post("/api/v1/namespaces/default/pods", pod("twice"));
    assertThat(again.code()).isEqualTo(409);
    assertThat(again.json().get("reason").asText()).isEqualTo("AlreadyExists");
    assertThat(again.json().get("message").asText()).isEqualTo("pods \"twice\" already exists");
    assertThat(again.json().get("kind").asText()).isEqualTo("Status");
  }

  @Test
  void updateWithAStaleResourceVersionIsAConflict() {
    JsonNode created = http.post("/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"name\":\"stale\"},\"data\":{\"v\":\"1\"}}").json();
    String rv = created.at("/metadata/resourceVersion").asText();
    Http.Answer first = http.put("/api/v1/namespaces/default/configmaps/stale",
        "{\"metadata\":{\"name\":\"stale\",\"resourceVersion\":\"" + rv + "\"},\"data\":{\"v\":\"2\"}}");
    assertThat(first.code()).isEqualTo(200);
    assertThat(first.json().at("/metadata/resourceVersion").asLong()).isGreaterThan(Long.parseLong(rv));
    Http.Answer second = http.put("/api/v1/namespaces/default/configmaps/stale",
        "{\"metadata\":{\"name\":\"stale\",\"resourceVersion\":\"" + rv + "\"},\"data\":{\"v\":\"3\"}}");
    assertThat(second.code()).isEqualTo(409);
    assertThat(second.json().get("reason").asText()).isEqualTo("Conflict");
    assertThat(http.get("/api/v1/namespaces/default/configmaps/stale").json().at("/data/v").asText())
        .isEqualTo("2");
  }

  @Test
  void concurrentUpdatesOfOneObjectLetExactlyOneWin() throws Exception {
    JsonNode created = http.post("/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"name\":\"race\"},\"data\":{\"winner\":\"none\"}}").json();
    String rv = created.at("/metadata/resourceVersion").asText();
    var pool = Executors.newFixedThreadPool(16);
    List<CompletableFuture<Integer>> codes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      int n = i;
      codes.add(CompletableFuture.supplyAsync(() -> http.put(
          "/api/v1/namespaces/default/configmaps/race",
          "{\"metadata\":{\"name\":\"race\",\"resourceVersion\":\"" + rv
              + "\"},\"data\":{\"winner\":\"" + n + "\"}}").code(), pool));
    }
    List<Integer> results = codes.stream().map(CompletableFuture::join).toList();
    pool.shutdown();
    assertThat(results).filteredOn(c -> c == 200).hasSize(1);
    assertThat(results).filteredOn(c -> c == 409).hasSize(15);
    String winner = http.get("/api/v1/namespaces/default/configmaps/race").json()
        .at("/data/winner").asText();
    assertThat(winner).isNotEqualTo("none");
  }

  @Test
  void generationChangesOnlyWithTheSpec() {
    String deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"gen"},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"gen"}},
          "template":{"metadata":{"labels":{"app":"gen"}},
           "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""";
    JsonNode created = http.post("/apis/apps/v1/namespaces/default/deployments",
        deployment.formatted(1)).json();
    assertThat(created.at("/metadata/generation").asLong()).isEqualTo(1);
    assertThat(created.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
    JsonNode scaled = http.put("/apis/apps/v1/namespaces/default/deployments/gen",
        deployment.formatted(3)).json();
    assertThat(scaled.at("/metadata/generation").asLong()).isEqualTo(2);
    com.fasterxml.jackson.databind.node.ObjectNode withNewStatus = scaled.deepCopy();
    withNewStatus.putObject("status").put("replicas", 3).put("observedGeneration", 2);
    withNewStatus.withObject("/spec").put("replicas", 7);
    String status = withNewStatus.toString();
    JsonNode withStatus = http.put("/apis/apps/v1/namespaces/default/deployments/gen/status",
        status).json();
    assertThat(withStatus.at("/metadata/generation").asLong()).isEqualTo(2);
    assertThat(withStatus.at("/status/replicas").asInt()).isEqualTo(3);
    assertThat(withStatus.at("/spec/replicas").asInt()).isEqualTo(3);
  }

  @Test
  void statusIsIgnoredOnTheMainResourceAndSpecOnTheStatusSubresource() {
    JsonNode created = http.post("/api/v1/namespaces/default/pods", pod("status")).json();
    String withStatus = created.toString().replace("\"phase\":\"Pending\"", "\"phase\":\"Running\"");
    JsonNode main = http.put("/api/v1/namespaces/default/pods/status", withStatus).json();
    assertThat(main.at("/status/phase").asText()).isEqualTo("Pending");
    String viaStatus = main.toString().replace("\"phase\":\"Pending\"", "\"phase\":\"Running\"")
        .replace("nginx:1.27", "nginx:9.9");
    JsonNode sub = http.put("/api/v1/namespaces/default/pods/status/status", viaStatus).json();
    assertThat(sub.at("/status/phase").asText()).isEqualTo("Running");
    assertThat(sub.at("/spec/containers/0/image").asText()).isEqualTo("nginx:1.27");
  }

  @Test
  void deletesAnswerWithTheObjectOrASuccessStatusAndThenNotFound() {
    http.post("/api/v1/namespaces/default/pods", pod("gone"));
    Http.Answer deleted = http.delete("/api/v1/namespaces/default/pods/gone");
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(deleted.json().get("kind").asText()).isEqualTo("Pod");
    Http.Answer missing = http.get("/api/v1/namespaces/default/pods/gone");
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).isEqualTo("pods \"gone\" not found");

    http.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"cm-gone\"}}");
    JsonNode status = http.delete("/api/v1/namespaces/default/configmaps/cm-gone").json();
    assertThat(status.get("kind").asText()).isEqualTo("Status");
    assertThat(status.get("status").asText()).isEqualTo("Success");
    assertThat(status.at("/details/name").asText()).isEqualTo("cm-gone");
  }

  @Test
  void scheduledPodsAreDeletedGracefullyUntilGracePeriodZero() {
    JsonNode created = http.post("/api/v1/namespaces/default/pods", pod("graceful")).json();
    Http.Answer bound = http.post("/api/v1/namespaces/default/pods/graceful/binding",
        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"graceful\"},"
            + "\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\"node1\"}}");
    assertThat(bound.code()).isEqualTo(201);
    JsonNode marked = http.delete("/api/v1/namespaces/default/pods/graceful").json();
    assertThat(marked.at("/metadata/deletionTimestamp").isMissingNode()).isFalse();
    assertThat(marked.at("/metadata/deletionGracePeriodSeconds").asLong()).isEqualTo(30);
    assertThat(http.get("/api/v1/namespaces/default/pods/graceful").code()).isEqualTo(200);
    Http.Answer now = http.delete("/api/v1/namespaces/default/pods/graceful",
        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0}");
    assertThat(now.code()).isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/default/pods/graceful").code()).isEqualTo(404);
    assertThat(created.at("/spec/nodeName").isMissingNode()).isTrue();
  }

  @Test
  void bindingAnAlreadyBoundPodIsAConflict() {
    http.post("/api/v1/namespaces/default/pods", pod("bind"));
    String binding = "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"bind\"},"
        + "\"target\":{\"kind\":\"Node\",\"name\":\"%s\"}}";
    assertThat(http.post("/api/v1/namespaces/default/pods/bind/binding", binding.formatted("n1"))
        .code()).isEqualTo(201);
    JsonNode pod = http.get("/api/v1/namespaces/default/pods/bind").json();
    assertThat(pod.at("/spec/nodeName").asText()).isEqualTo("n1");
    assertThat(pod.at("/status/conditions/0/type").asText()).isEqualTo("PodScheduled");
    Http.Answer again = http.post("/api/v1/namespaces/default/bindings", binding.formatted("n2"));
    assertThat(again.code()).isEqualTo(409);
    assertThat(http.get("/api/v1/namespaces/default/pods/bind").json().at("/spec/nodeName")
        .asText()).isEqualTo("n1");
  }

  @Test
  void finalizersHoldAnObjectUntilTheyAreRemoved() {
    http.post("/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/hold\"]}}");
    JsonNode marked = http.delete("/api/v1/namespaces/default/configmaps/held").json();
    assertThat(marked.at("/metadata/deletionTimestamp").asText()).isNotEmpty();
    JsonNode current = http.get("/api/v1/namespaces/default/configmaps/held").json();
    String released = current.toString().replace("\"finalizers\":[\"example.com/hold\"]",
        "\"finalizers\":[]");
    assertThat(http.put("/api/v1/namespaces/default/configmaps/held", released).code())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/default/configmaps/held").code()).isEqualTo(404);
  }

  @Test
  void deleteCollectionRemovesOnlyWhatTheSelectorPicks() {
    for (String name : List.of("dc-a", "dc-b", "dc-c")) {
      http.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"" + name
          + "\",\"labels\":{\"batch\":\"" + (name.equals("dc-c") ? "keep" : "drop") + "\"}}}");
    }
    Http.Answer deleted = http.delete("/api/v1/namespaces/default/configmaps?labelSelector=batch%3Ddrop");
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(deleted.json().get("items")).hasSize(2);
    JsonNode left = http.get("/api/v1/namespaces/default/configmaps?labelSelector=batch").json();
    assertThat(left.get("items")).hasSize(1);
    assertThat(left.at("/items/0/metadata/name").asText()).isEqualTo("dc-c");
  }

  @Test
  void foregroundDeletionHoldsTheObjectWithItsFinalizerAndBumpsTheGeneration() {
    JsonNode created = http.post("/apis/apps/v1/namespaces/default/deployments", """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"fg"},
         "spec":{"selector":{"matchLabels":{"app":"fg"}},
          "template":{"metadata":{"labels":{"app":"fg"}},
           "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""").json();
    JsonNode marked = http.delete("/apis/apps/v1/namespaces/default/deployments/fg",
        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Foreground\"}")
        .json();
    assertThat(marked.at("/metadata/finalizers").toString()).contains("foregroundDeletion");
    assertThat(marked.at("/metadata/deletionTimestamp").asText()).isNotEmpty();
    assertThat(marked.at("/metadata/generation").asLong())
        .isEqualTo(created.at("/metadata/generation").asLong() + 1);
    assertThat(http.get("/apis/apps/v1/namespaces/default/deployments/fg").code()).isEqualTo(200);
  }

  @Test
  void orphanDeletionAddsTheOrphanFinalizer() {
    http.post("/api/v1/namespaces/default/replicationcontrollers", """
        {"metadata":{"name":"orph"},"spec":{"replicas":1,"selector":{"app":"orph"},
         "template":{"metadata":{"labels":{"app":"orph"}},
          "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""");
    JsonNode marked = http.delete("/api/v1/namespaces/default/replicationcontrollers/orph",
        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Orphan\"}")
        .json();
    assertThat(marked.at("/metadata/finalizers").toString()).contains("orphan");
  }

  @Test
  void deletePreconditionsMustMatch() {
    JsonNode cm = http.post("/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"name\":\"pre\"}}").json();
    Http.Answer wrongUid = http.delete("/api/v1/namespaces/default/configmaps/pre",
        "{\"preconditions\":{\"uid\":\"not-the-uid\"}}");
    assertThat(wrongUid.code()).isEqualTo(409);
    Http.Answer right = http.delete("/api/v1/namespaces/default/configmaps/pre",
        "{\"preconditions\":{\"uid\":\"" + cm.at("/metadata/uid").asText()
            + "\",\"resourceVersion\":\"" + cm.at("/metadata/resourceVersion").asText()
            + "\"}}");
    assertThat(right.code()).isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/default/configmaps/pre").code()).isEqualTo(404);
  }

  @Test
  void dryRunCreatesAndDeletesNothing() {
    Http.Answer dry = http.post("/api/v1/namespaces/default/configmaps?dryRun=All",
        "{\"metadata\":{\"name\":\"dry\"}}");
    assertThat(dry.code()).isEqualTo(201);
    assertThat(dry.json().at("/metadata/uid").asText()).isNotEmpty();
    assertThat(http.get("/api/v1/namespaces/default/configmaps/dry").code()).isEqualTo(404);
    http.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"dry\"}}");
    assertThat(http.delete("/api/v1/namespaces/default/configmaps/dry?dryRun=All").code())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/default/configmaps/dry").code()).isEqualTo(200);
  }
}
