package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.Serialization;
import io.minik8s.client.ListOptions;
import io.minik8s.client.LogOptions;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.ResourceClient.PatchType;
import io.minik8s.client.config.ClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shape of what the client sends (method, path, query, headers, body) for the calls whose
 * server side is not served yet (scale, eviction, log, patch) and for the common headers.
 */
class RestRequestShapeTest {
  private final StubServer stub;
  private final RestKubeClient client;

  RestRequestShapeTest() throws IOException {
    stub = new StubServer();
    client =
        client(
            ClientConfig.forServer(stub.url())
                .withToken("secret")
                .withUserAgent("kube-scheduler/v0.1.0"));
  }

  private static RestKubeClient client(ClientConfig config) {
    return new RestKubeClient(
        new RestClient(
            config,
            KubeClients.httpClient(config),
            RateLimiter.UNLIMITED,
            RetryPolicy.NONE,
            new RecordingSleeper(),
            RequestMetrics.NONE),
        ResourceRegistry.builtIn());
  }

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  private StubServer.Request only() {
    assertThat(stub.requests()).hasSize(1);
    return stub.requests().get(0);
  }

  private static JsonNode json(String body) throws IOException {
    return Serialization.json().readTree(body);
  }

  @Test
  void everyRequestAcceptsJsonAndNamesItsUserAgentButNoTokenGoesOverPlainHttp() {
    stub.thenJson(200, "{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    client.resources(ConfigMap.class).get("ns", "c");
    StubServer.Request r = only();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.uri()).isEqualTo("/api/v1/namespaces/ns/configmaps/c");
    assertThat(r.header("Accept")).isEqualTo("application/json");
    assertThat(r.header("User-Agent")).isEqualTo("kube-scheduler/v0.1.0");
    assertThat(r.header("Authorization")).isNull();
  }

  @Test
  void createPostsJsonToTheCollectionOfTheObjectsNamespace() throws IOException {
    stub.thenJson(201, "{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    ConfigMap cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("c")
            .withNamespace("ns")
            .endMetadata()
            .withData(Map.of("k", "v"))
            .build();
    client.resources(ConfigMap.class).create(cm);
    StubServer.Request r = only();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.uri()).isEqualTo("/api/v1/namespaces/ns/configmaps");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(json(r.body()).at("/data/k").asText()).isEqualTo("v");
  }

  @Test
  void deleteSendsDeleteOptionsAsABody() throws IOException {
    stub.thenJson(200, "{\"kind\":\"Status\",\"status\":\"Success\"}");
    client
        .resources(ConfigMap.class)
        .delete(
            "ns",
            "c",
            new DeleteOptionsBuilder()
                .withPropagationPolicy("Foreground")
                .withNewPreconditions()
                .withResourceVersion("5")
                .endPreconditions()
                .build());
    StubServer.Request r = only();
    assertThat(r.method()).isEqualTo("DELETE");
    JsonNode body = json(r.body());
    assertThat(body.path("kind").asText()).isEqualTo("DeleteOptions");
    assertThat(body.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(body.path("propagationPolicy").asText()).isEqualTo("Foreground");
    assertThat(body.at("/preconditions/resourceVersion").asText()).isEqualTo("5");
  }

  @Test
  void deleteCollectionCarriesTheSelectorInTheQuery() {
    stub.thenJson(200, "{\"kind\":\"ConfigMapList\",\"items\":[{\"metadata\":{\"name\":\"a\"}}]}");
    assertThat(
            client
                .resources(ConfigMap.class)
                .deleteCollection("ns", ListOptions.labels("x=y"), null))
        .hasSize(1);
    assertThat(only().uri()).isEqualTo("/api/v1/namespaces/ns/configmaps?labelSelector=x%3Dy");
    assertThat(only().body()).isEmpty();
  }

  @Test
  void patchSendsTheBodyWithThePatchTypesContentType() {
    stub.thenJson(200, "{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    client
        .resources(ConfigMap.class)
        .patch("ns", "c", PatchType.STRATEGIC_MERGE, "{\"data\":{\"k\":\"v\"}}");
    StubServer.Request r = only();
    assertThat(r.method()).isEqualTo("PATCH");
    assertThat(r.header("Content-Type")).isEqualTo("application/strategic-merge-patch+json");
    assertThat(r.body()).isEqualTo("{\"data\":{\"k\":\"v\"}}");
  }

  @Test
  void getScaleAndUpdateScaleUseTheScaleSubresource() throws IOException {
    String scale =
        "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"metadata\":"
            + "{\"name\":\"web\",\"namespace\":\"ns\",\"resourceVersion\":\"4\"},"
            + "\"spec\":{\"replicas\":2},\"status\":{\"replicas\":2,\"selector\":\"app=web\"}}";
    stub.thenJson(200, scale).thenJson(200, scale.replace("\"replicas\":2}", "\"replicas\":5}"));
    Scale got = client.scales(Deployment.class).getScale("ns", "web");
    assertThat(got.getSpec().getReplicas()).isEqualTo(2);
    assertThat(got.getStatus().getSelector()).isEqualTo("app=web");
    Scale updated =
        client
            .scales(ReplicaSet.class)
            .updateScale(
                "ns", "web", new ScaleBuilder(got).editSpec().withReplicas(5).endSpec().build());
    assertThat(updated.getSpec().getReplicas()).isEqualTo(5);

    StubServer.Request get = stub.requests().get(0);
    StubServer.Request put = stub.requests().get(1);
    assertThat(get.method() + " " + get.uri())
        .isEqualTo("GET /apis/apps/v1/namespaces/ns/deployments/web/scale");
    assertThat(put.method() + " " + put.uri())
        .isEqualTo("PUT /apis/apps/v1/namespaces/ns/replicasets/web/scale");
    assertThat(json(put.body()).at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(json(put.body()).at("/metadata/resourceVersion").asText()).isEqualTo("4");
  }

  @Test
  void onlyResourcesWithAScaleSubresourceHaveScaleOperations() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.scales(Pod.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void evictPostsAPolicyV1EvictionToThePodsEvictionSubresource() throws IOException {
    stub.thenJson(201, "{\"kind\":\"Status\",\"status\":\"Success\",\"code\":201}");
    client.pods().evict("ns", "p1", new DeleteOptionsBuilder().withGracePeriodSeconds(10L).build());
    StubServer.Request r = only();
    assertThat(r.method() + " " + r.uri()).isEqualTo("POST /api/v1/namespaces/ns/pods/p1/eviction");
    JsonNode body = json(r.body());
    assertThat(body.path("apiVersion").asText()).isEqualTo("policy/v1");
    assertThat(body.path("kind").asText()).isEqualTo("Eviction");
    assertThat(body.at("/metadata/name").asText()).isEqualTo("p1");
    assertThat(body.at("/metadata/namespace").asText()).isEqualTo("ns");
    assertThat(body.at("/deleteOptions/gracePeriodSeconds").asLong()).isEqualTo(10);
  }

  @Test
  void bindPostsABindingToTheNode() throws IOException {
    stub.thenJson(201, "{\"kind\":\"Status\",\"status\":\"Success\",\"code\":201}");
    client.pods().bind("ns", "p1", "node-7");
    StubServer.Request r = only();
    assertThat(r.method() + " " + r.uri()).isEqualTo("POST /api/v1/namespaces/ns/pods/p1/binding");
    JsonNode body = json(r.body());
    assertThat(body.path("kind").asText()).isEqualTo("Binding");
    assertThat(body.at("/target/kind").asText()).isEqualTo("Node");
    assertThat(body.at("/target/name").asText()).isEqualTo("node-7");
  }

  @Test
  void logStreamsThePlainTextOfThePodsLog() throws IOException {
    stub.then(StubServer.text(200, "line 1\nline 2\n"));
    try (InputStream log =
        client
            .pods()
            .log(
                "ns",
                "p1",
                LogOptions.NONE
                    .withContainer("app")
                    .withFollow(true)
                    .withTailLines(20L)
                    .withTimestamps(true)
                    .withPrevious(true))) {
      assertThat(new String(log.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("line 1\nline 2\n");
    }
    StubServer.Request r = only();
    assertThat(r.uri())
        .isEqualTo(
            "/api/v1/namespaces/ns/pods/p1/log?container=app&follow=true"
                + "&previous=true&tailLines=20&timestamps=true");
  }
}
