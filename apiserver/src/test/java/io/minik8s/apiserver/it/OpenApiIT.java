package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** /openapi/v3 and /openapi/v2 as kubectl 1.32 and client-go read them (kubectl-wire.md §4). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenApiIT {
  private static final String PROTOBUF_V2 =
      "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  static TestApiServer server;

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(60)).GET();
    headers.forEach(b::header);
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Serialization.json().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The two GETs kubectl create -f / apply -f make before writing. */
  static JsonNode coreDocument() {
    JsonNode index =
        json(get("/openapi/v3?timeout=32s", Map.of("Accept", "application/json, */*")));
    String url = index.at("/paths/api~1v1/serverRelativeURL").asText();
    HttpResponse<String> doc = get(url + "&timeout=32s", Map.of("Accept", "application/json"));
    assertThat(doc.statusCode()).isEqualTo(200);
    return json(doc);
  }

  @Test
  void indexesEveryGroupVersionAtAHashedUrl() {
    HttpResponse<String> index = get("/openapi/v3", Map.of("Accept", "application/json, */*"));
    assertThat(index.statusCode()).isEqualTo(200);
    JsonNode paths = json(index).get("paths");
    List<String> served = new ArrayList<>();
    paths.fieldNames().forEachRemaining(served::add);
    assertThat(served).contains("api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1",
        "apis/discovery.k8s.io/v1", "apis/policy/v1", "apis/scheduling.k8s.io/v1");
    for (String gv : served) {
      String url = paths.get(gv).get("serverRelativeURL").asText();
      assertThat(url).matches("/openapi/v3/" + gv.replace(".", "\\.") + "\\?hash=[0-9A-F]{128}");
      HttpResponse<String> doc = get(url, Map.of("Accept", "application/json"));
      assertThat(doc.statusCode()).as(url).isEqualTo(200);
      assertThat(json(doc).get("openapi").asText()).isEqualTo("3.0.0");
    }
  }

  @Test
  void servesAPodPatchOperationThatTellsKubectlToValidateOnTheServer() {
    JsonNode patch = coreDocument()
        .at("/paths/~1api~1v1~1namespaces~1{namespace}~1pods~1{name}/patch");
    assertThat(patch.get("x-kubernetes-group-version-kind")).isEqualTo(Serialization.json()
        .valueToTree(Map.of("group", "", "version", "v1", "kind", "Pod")));
    assertThat(patch.get("parameters").findValuesAsText("name")).contains("fieldValidation");
    // no request body: kubectl apply then builds strategic merge patches from its own types
    assertThat(patch.has("requestBody")).isFalse();
  }

  @Test
  void resolvesEverySchemaReferenceOfTheCoreDocument() {
    JsonNode doc = coreDocument();
    JsonNode schemas = doc.at("/components/schemas");
    assertThat(schemas.get("io.k8s.api.core.v1.Pod").get("x-kubernetes-group-version-kind")
        .get(0).get("kind").asText()).isEqualTo("Pod");
    assertThat(doc.findValuesAsText("$ref")).isNotEmpty().allSatisfy(ref ->
        assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue());
  }

  @Test
  void marksHashedDocumentsImmutableAndRedirectsStaleHashes() {
    String url = json(get("/openapi/v3", Map.of())).at("/paths/apis~1apps~1v1/serverRelativeURL")
        .asText();
    String hash = url.substring(url.indexOf("hash=") + 5);
    HttpResponse<String> hashed = get(url, Map.of("Accept", "application/json"));
    assertThat(hashed.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(hashed.headers().firstValue("ETag")).hasValue("\"" + hash + "\"");
    assertThat(hashed.headers().firstValue("Cache-Control")).hasValue("public, immutable");
    assertThat(hashed.headers().firstValue("Expires")).isPresent();

    HttpResponse<String> unchanged = get("/openapi/v3/apis/apps/v1",
        Map.of("If-None-Match", "\"" + hash + "\""));
    assertThat(unchanged.statusCode()).isEqualTo(304);

    HttpResponse<String> stale = get("/openapi/v3/apis/apps/v1?hash=0123", Map.of());
    assertThat(stale.statusCode()).isEqualTo(301);
    assertThat(stale.headers().firstValue("Location")).hasValue(url);
  }

  @Test
  void answersUnknownGroupVersionsWith404() {
    HttpResponse<String> missing = get("/openapi/v3/apis/nope.example.com/v1", Map.of());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("kind").asText()).isEqualTo("Status");
  }

  @Test
  void servesOpenApiV2AsJsonAndRefusesTheProtobufClientGoAsksFor() {
    HttpResponse<String> v2 = get("/openapi/v2", Map.of("Accept", "application/json"));
    assertThat(v2.statusCode()).isEqualTo(200);
    JsonNode doc = json(v2);
    assertThat(doc.get("swagger").asText()).isEqualTo("2.0");
    assertThat(doc.at("/definitions/io.k8s.api.apps.v1.Deployment/x-kubernetes-group-version-kind"
        + "/0/kind").asText()).isEqualTo("Deployment");

    HttpResponse<String> protobuf = get("/openapi/v2", Map.of("Accept", PROTOBUF_V2));
    assertThat(protobuf.statusCode()).isEqualTo(406);
    assertThat(json(protobuf).get("reason").asText()).isEqualTo("NotAcceptable");
    // client-go then tries the pre-1.10 path, which must not answer either
    assertThat(get("/swagger-2.0.0.pb-v1", Map.of()).statusCode()).isEqualTo(404);
    assertThat(get("/openapi/v3/api/v1",
        Map.of("Accept", "application/com.github.proto-openapi.spec.v3@v1.0+protobuf"))
        .statusCode()).isEqualTo(406);
  }
}
