package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * dryRun=All on every write: the answer is the would-be object, validated and admitted, and etcd
 * (read with etcdctl) is exactly as before.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DryRunIT {
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

  /** The key's value and revisions as etcd has them (empty when absent). */
  String etcd(String name) {
    return etcdKey(server.prefix() + "/configmaps/default/" + name);
  }

  static String etcdKey(String key) {
    try {
      JsonNode kvs = Serialization.json()
          .readTree(server.etcd().etcdctl("get", key, "-w", "json")).path("kvs");
      return kvs.isMissingNode() ? "" : kvs.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String configMap(String name, String value) {
    return """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s"},"data":{"k":"%s"}}"""
        .formatted(name, value);
  }

  @Test
  void aDryRunCreateStoresNothing() {
    Http.Answer created = http.post(CONFIGMAPS + "?dryRun=All", configMap("dry-create", "v"));
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.json().at("/metadata/uid").asText()).isNotEmpty();
    assertThat(etcd("dry-create")).isEmpty();
    assertThat(http.get(CONFIGMAPS + "/dry-create").code()).isEqualTo(404);
  }

  @Test
  void aDryRunUpdateLeavesEtcdUntouched() {
    assertThat(http.post(CONFIGMAPS, configMap("dry-update", "v1")).code()).isEqualTo(201);
    String before = etcd("dry-update");
    Http.Answer updated = http.put(CONFIGMAPS + "/dry-update?dryRun=All",
        configMap("dry-update", "v2"));
    assertThat(updated.code()).isEqualTo(200);
    assertThat(updated.json().at("/data/k").asText()).isEqualTo("v2");
    assertThat(etcd("dry-update")).isEqualTo(before);
  }

  @Test
  void aDryRunPatchAnswersThePatchedObjectAndLeavesEtcdUntouched() {
    assertThat(http.post("/apis/apps/v1/namespaces/default/deployments", """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"dry-patch"},
         "spec":{"selector":{"matchLabels":{"app":"d"}},"template":{"metadata":{"labels":
          {"app":"d"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""").code())
        .isEqualTo(201);
    String key = server.prefix() + "/deployments/default/dry-patch";
    String before = etcdKey(key);
    assertThat(before).contains("mod_revision");
    Http.Answer patched = http.send("PATCH",
        "/apis/apps/v1/namespaces/default/deployments/dry-patch?dryRun=All"
            + "&fieldManager=kubectl-client-side-apply",
        "{\"spec\":{\"replicas\":5}}", "application/strategic-merge-patch+json",
        "application/json");
    assertThat(patched.code()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(patched.json().at("/metadata/generation").asInt()).isEqualTo(2);
    assertThat(etcdKey(key)).isEqualTo(before);
    assertThat(http.get("/apis/apps/v1/namespaces/default/deployments/dry-patch").json()
        .at("/spec/replicas").asInt()).isEqualTo(1);
  }

  @Test
  void aDryRunPatchIsStillValidated() {
    assertThat(http.post(CONFIGMAPS, configMap("dry-invalid", "v")).code()).isEqualTo(201);
    Http.Answer invalid = http.send("PATCH", CONFIGMAPS + "/dry-invalid?dryRun=All",
        "{\"data\":{\"not a key!\":\"x\"}}", "application/merge-patch+json", "application/json");
    assertThat(invalid.code()).isEqualTo(422);
    assertThat(invalid.json().at("/details/causes/0/field").asText()).startsWith("data");
  }

  @Test
  void aDryRunDeleteKeepsTheObject() {
    assertThat(http.post(CONFIGMAPS, configMap("dry-delete", "v")).code()).isEqualTo(201);
    String before = etcd("dry-delete");
    assertThat(http.delete(CONFIGMAPS + "/dry-delete?dryRun=All").code()).isEqualTo(200);
    assertThat(etcd("dry-delete")).isEqualTo(before);
    assertThat(http.get(CONFIGMAPS + "/dry-delete").code()).isEqualTo(200);
  }
}
