package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Policy;
import io.minik8s.api.Serialization;
import io.minik8s.apiserver.endpoints.protobuf.KubectlBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writes as kubectl 1.32's typed clients send them: protobuf bodies, {@code Accept:
 * application/vnd.kubernetes.protobuf,application/json}, answered in JSON.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProtobufBodiesIT {
  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private static final String ACCEPT = PROTOBUF + ",application/json";
  private static final byte[] BINARY = {0, (byte) 0xff, (byte) 0x80, 'k', '8', 's', 0, '\n'};
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

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

  /** A protobuf write; the answer's body is JSON. */
  static Http.Answer send(String method, String path, byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", PROTOBUF)
        .header("Accept", ACCEPT)
        .header("User-Agent", "kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07")
        .build();
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Http.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void createsTheNamespaceKubectlCreateNamespaceSends() {
    Http.Answer created = send("POST",
        "/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict",
        KubectlBodies.namespace("team-a"));
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    assertThat(created.contentType()).isEqualTo("application/json");
    JsonNode ns = created.json();
    assertThat(ns.at("/metadata/name").asText()).isEqualTo("team-a");
    assertThat(ns.at("/metadata/labels/kubernetes.io~1metadata.name").asText())
        .isEqualTo("team-a");
    assertThat(ns.at("/metadata/uid").asText()).hasSize(36);
    assertThat(ns.at("/metadata").has("generateName")).isFalse();
    assertThat(ns.at("/spec/finalizers/0").asText()).isEqualTo("kubernetes");
    assertThat(ns.at("/status/phase").asText()).isEqualTo("Active");
    assertThat(http.get("/api/v1/namespaces/team-a").code()).isEqualTo(200);
  }

  @Test
  void createsADeploymentKeepingItsZeroReplicasAndQuantities() {
    Http.Answer created = send("POST",
        "/apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-create",
        KubectlBodies.deployment("pb-web"));
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    JsonNode d = http.get("/apis/apps/v1/namespaces/default/deployments/pb-web").json();
    assertThat(d.at("/spec/replicas").isInt()).isTrue();
    assertThat(d.at("/spec/replicas").asInt()).isZero();
    // unset pointers are defaulted as for a JSON body
    assertThat(d.at("/spec/revisionHistoryLimit").asInt()).isEqualTo(10);
    assertThat(d.at("/spec/progressDeadlineSeconds").asInt()).isEqualTo(600);
    assertThat(d.at("/spec/strategy/rollingUpdate/maxSurge").asText()).isEqualTo("25%");
    assertThat(d.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isEqualTo(1);
    JsonNode container = d.at("/spec/template/spec/containers/0");
    assertThat(container.at("/resources/limits/cpu").asText()).isEqualTo("500m");
    assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("128Mi");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(80);
    assertThat(container.at("/ports/0/protocol").asText()).isEqualTo("TCP");
    assertThat(container.at("/imagePullPolicy").asText()).isEqualTo("IfNotPresent");
    assertThat(d.at("/metadata/labels/tier").asText()).isEmpty();
  }

  @Test
  void createsANodePortServiceWithNamedAndNumericTargetPorts() {
    Http.Answer created = send("POST", "/api/v1/namespaces/default/services",
        KubectlBodies.service("pb-svc"));
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    JsonNode spec = created.json().get("spec");
    assertThat(spec.at("/ports/0/targetPort").asText()).isEqualTo("http");
    assertThat(spec.at("/ports/1/targetPort").isInt()).isTrue();
    assertThat(spec.at("/ports/1/targetPort").asInt()).isEqualTo(9091);
    // nodePort 0 on the wire is "unset": the server allocates one
    assertThat(spec.at("/ports/0/nodePort").asInt()).isBetween(30000, 32767);
    assertThat(spec.at("/ports/1/nodePort").asInt()).isBetween(30000, 32767);
    assertThat(spec.at("/clusterIP").asText()).startsWith("127.96.");
    assertThat(spec.at("/sessionAffinity").asText()).isEqualTo("None");
  }

  @Test
  void storesSecretAndConfigMapBytesExactly() {
    assertThat(send("POST", "/api/v1/namespaces/default/secrets",
        KubectlBodies.secret("pb-secret", BINARY)).code()).isEqualTo(201);
    JsonNode secret = http.get("/api/v1/namespaces/default/secrets/pb-secret").json();
    assertThat(Base64.getDecoder().decode(secret.at("/data/key.bin").asText())).isEqualTo(BINARY);
    assertThat(secret.at("/type").asText()).isEqualTo("Opaque");

    assertThat(send("POST", "/api/v1/namespaces/default/configmaps",
        KubectlBodies.configMap("pb-cm", BINARY)).code()).isEqualTo(201);
    JsonNode cm = http.get("/api/v1/namespaces/default/configmaps/pb-cm").json();
    assertThat(cm.at("/data/greeting").asText()).isEqualTo("hello");
    assertThat(Base64.getDecoder().decode(cm.at("/binaryData/blob").asText())).isEqualTo(BINARY);
  }

  @Test
  void keepsAServiceAccountsFalseAutomount() {
    assertThat(send("POST", "/api/v1/namespaces/default/serviceaccounts",
        KubectlBodies.serviceAccount("pb-robot")).code()).isEqualTo(201);
    JsonNode sa = http.get("/api/v1/namespaces/default/serviceaccounts/pb-robot").json();
    assertThat(sa.get("automountServiceAccountToken").isBoolean()).isTrue();
    assertThat(sa.get("automountServiceAccountToken").asBoolean()).isFalse();
  }

  @Test
  void updatesWithAProtobufPutAndItsResourceVersionPrecondition() {
    assertThat(send("POST", "/api/v1/namespaces/default/configmaps",
        KubectlBodies.configMap("pb-put", BINARY)).code()).isEqualTo(201);
    String rv = http.get("/api/v1/namespaces/default/configmaps/pb-put").json()
        .at("/metadata/resourceVersion").asText();
    byte[] update = KubectlBodies.envelope("v1", "ConfigMap", V1.ConfigMap.newBuilder()
        .setMetadata(KubectlBodies.meta("pb-put").setNamespace("default").setResourceVersion(rv))
        .putData("greeting", "bonjour")
        .build());
    Http.Answer updated = send("PUT", "/api/v1/namespaces/default/configmaps/pb-put", update);
    assertThat(updated.code()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().at("/data/greeting").asText()).isEqualTo("bonjour");
    assertThat(updated.json().at("/data").has("empty")).isFalse();

    Http.Answer stale = send("PUT", "/api/v1/namespaces/default/configmaps/pb-put", update);
    assertThat(stale.code()).isEqualTo(409);
    assertThat(stale.json().get("reason").asText()).isEqualTo("Conflict");
  }

  @Test
  void evictsWithTheProtobufEvictionDrainSends() {
    // pods need their ServiceAccount (admission); no controller creates "default" here
    http.post("/api/v1/namespaces/default/serviceaccounts", """
        {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"default"}}""");
    assertThat(http.post("/api/v1/namespaces/default/pods", """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"pb-evicted"},
         "spec":{"containers":[{"name":"c","image":"busybox"}]}}""").code()).isEqualTo(201);
    byte[] eviction = KubectlBodies.envelope("policy/v1", "Eviction",
        V1Policy.Eviction.newBuilder()
            .setMetadata(KubectlBodies.meta("pb-evicted").setNamespace("default"))
            .setDeleteOptions(Meta.DeleteOptions.getDefaultInstance())
            .build());
    Http.Answer evicted = send("POST",
        "/api/v1/namespaces/default/pods/pb-evicted/eviction", eviction);
    assertThat(evicted.code()).as(evicted.body()).isEqualTo(201);
    assertThat(http.get("/api/v1/namespaces/default/pods/pb-evicted").code()).isEqualTo(404);
  }

  @Test
  void deletesWithProtobufDeleteOptions() {
    assertThat(send("POST", "/api/v1/namespaces/default/configmaps",
        KubectlBodies.configMap("pb-gone", BINARY)).code()).isEqualTo(201);
    byte[] options = KubectlBodies.envelope("v1", "DeleteOptions",
        Meta.DeleteOptions.newBuilder().setGracePeriodSeconds(0)
            .setPreconditions(Meta.Preconditions.newBuilder().setUid("not-the-uid"))
            .build());
    Http.Answer refused = send("DELETE", "/api/v1/namespaces/default/configmaps/pb-gone",
        options);
    // the precondition came through the protobuf body: a wrong uid is a conflict
    assertThat(refused.code()).as(refused.body()).isEqualTo(409);
    String uid = http.get("/api/v1/namespaces/default/configmaps/pb-gone").json()
        .at("/metadata/uid").asText();
    byte[] matching = KubectlBodies.envelope("v1", "DeleteOptions",
        Meta.DeleteOptions.newBuilder().setGracePeriodSeconds(0)
            .setPreconditions(Meta.Preconditions.newBuilder().setUid(uid)).build());
    assertThat(send("DELETE", "/api/v1/namespaces/default/configmaps/pb-gone", matching).code())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/default/configmaps/pb-gone").code()).isEqualTo(404);
  }

  @Test
  void refusesBodiesThatAreNotEnvelopedProtobufWith400() throws IOException {
    Http.Answer garbage = send("POST", "/api/v1/namespaces/default/configmaps",
        "{\"kind\":\"ConfigMap\"}".getBytes());
    assertThat(garbage.code()).isEqualTo(400);
    assertThat(garbage.json().get("reason").asText()).isEqualTo("BadRequest");
    assertThat(garbage.json().get("message").asText())
        .startsWith("provided data does not appear to be a protobuf message");

    Http.Answer wrongKind = send("POST", "/api/v1/namespaces/default/secrets",
        KubectlBodies.configMap("pb-wrong", BINARY));
    assertThat(wrongKind.code()).isEqualTo(400);
    assertThat(wrongKind.json().get("message").asText()).contains("ConfigMap", "Secret");
    assertThat(Serialization.json().readTree(
        http.get("/api/v1/namespaces/default/secrets/pb-wrong").body()).get("code").asInt())
        .isEqualTo(404);
  }
}
