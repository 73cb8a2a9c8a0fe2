package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiscoveryIT {
  static final String AGG = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
      + "application/json";
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
  void versionReportsKubernetesOneThirtyTwo() {
    JsonNode v = http.get("/version").json();
    assertThat(v.get("major").asText()).isEqualTo("1");
    assertThat(v.get("minor").asText()).isEqualTo("32");
    assertThat(v.get("gitVersion").asText()).startsWith("v1.32");
  }

  @Test
  void healthEndpointsAnswerOk() {
    for (String path : List.of("/healthz", "/livez", "/readyz")) {
      Http.Answer a = http.get(path);
      assertThat(a.code()).isEqualTo(200);
      assertThat(a.body()).isEqualTo("ok");
    }
    assertThat(http.get("/readyz?verbose").body()).contains("[+]etcd ok");
  }

  @Test
  void legacyDiscoveryListsGroupsResourcesShortNamesAndCategories() {
    assertThat(http.get("/api").json().get("versions").get(0).asText()).isEqualTo("v1");
    JsonNode groups = http.get("/apis").json();
    assertThat(groups.get("kind").asText()).isEqualTo("APIGroupList");
    assertThat(groups.get("groups").findValuesAsText("name")).contains("apps",
        "coordination.k8s.io", "discovery.k8s.io", "policy", "scheduling.k8s.io");
    JsonNode core = http.get("/api/v1").json();
    assertThat(core.get("groupVersion").asText()).isEqualTo("v1");
    JsonNode pods = find(core, "pods");
    assertThat(pods.get("namespaced").asBoolean()).isTrue();
    assertThat(pods.get("kind").asText()).isEqualTo("Pod");
    assertThat(pods.get("shortNames").get(0).asText()).isEqualTo("po");
    assertThat(pods.get("categories").get(0).asText()).isEqualTo("all");
    assertThat(pods.get("verbs").toString()).contains("watch", "deletecollection");
    assertThat(find(core, "pods/status").get("verbs").toString()).contains("update");
    assertThat(find(core, "pods/binding").get("kind").asText()).isEqualTo("Binding");
    for (String[] expected : new String[][] {{"services", "svc"}, {"replicationcontrollers", "rc"},
        {"namespaces", "ns"}, {"nodes", "no"}, {"endpoints", "ep"}, {"events", "ev"},
        {"serviceaccounts", "sa"}, {"configmaps", "cm"}}) {
      assertThat(find(core, expected[0]).get("shortNames").toString()).contains(expected[1]);
    }
    assertThat(find(core, "nodes").get("namespaced").asBoolean()).isFalse();
    JsonNode apps = http.get("/apis/apps/v1").json();
    assertThat(find(apps, "deployments").get("shortNames").get(0).asText()).isEqualTo("deploy");
    assertThat(find(apps, "replicasets").get("shortNames").get(0).asText()).isEqualTo("rs");
    assertThat(http.get("/apis/apps").json().at("/preferredVersion/groupVersion").asText())
        .isEqualTo("apps/v1");
  }

  @Test
  void aggregatedDiscoveryAnswersWithItsMediaType() {
    Http.Answer core = http.get("/api", AGG);
    assertThat(core.contentType())
        .isEqualTo("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    JsonNode doc = core.json();
    assertThat(doc.get("kind").asText()).isEqualTo("APIGroupDiscoveryList");
    JsonNode resources = doc.at("/items/0/versions/0/resources");
    assertThat(resources.findValuesAsText("resource")).contains("pods", "services", "nodes");
    Http.Answer groups = http.get("/apis", AGG);
    assertThat(groups.json().get("items").findValuesAsText("name")).contains("apps");
    assertThat(groups.body()).contains("\"scope\":\"Namespaced\"", "\"shortNames\":[\"deploy\"]");
  }

  @Test
  void unknownGroupsAreNotFound() {
    assertThat(http.get("/apis/batch").code()).isEqualTo(404);
    assertThat(http.get("/apis/apps/v2").code()).isEqualTo(404);
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode r : list.get("resources")) {
      if (r.get("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + name + " in " + list);
  }
}
