package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input gets an upstream Status with the right code and changes nothing. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadInputIT {
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

  private static void assertStatus(Http.Answer answer, int code, String reason) {
    assertThat(answer.code()).as(answer.body()).isEqualTo(code);
    JsonNode status = answer.json();
    assertThat(status.get("kind").asText()).isEqualTo("Status");
    assertThat(status.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(status.get("status").asText()).isEqualTo("Failure");
    assertThat(status.get("code").asInt()).isEqualTo(code);
    assertThat(status.get("reason").asText()).isEqualTo(reason);
  }

  private static int podCount() {
    return http.get("/api/v1/namespaces/default/pods").json().get("items").size();
  }

  @Test
  void malformedJsonIsBadRequest() {
    int before = podCount();
    assertStatus(http.post("/api/v1/namespaces/default/pods", "{\"metadata\": {"), 400,
        "BadRequest");
    assertThat(podCount()).isEqualTo(before);
  }

  @Test
  void malformedYamlIsBadRequest() {
    Http.Answer a = http.send("POST", "/api/v1/namespaces/default/configmaps",
        "metadata: [unclosed", "application/yaml", "application/json");
    assertStatus(a, 400, "BadRequest");
  }

  @Test
  void yamlBodiesAreAccepted() {
    Http.Answer a = http.send("POST", "/api/v1/namespaces/default/configmaps",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  k: v\n",
        "application/yaml", "application/json");
    assertThat(a.code()).isEqualTo(201);
    assertThat(a.json().at("/data/k").asText()).isEqualTo("v");
  }

  @Test
  void bodiesOverThreeMebibytesAreTooLarge() {
    String big = "{\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\"" + "x".repeat(3 * 1024 * 1024)
        + "\"}}";
    assertStatus(http.post("/api/v1/namespaces/default/configmaps", big), 413,
        "RequestEntityTooLarge");
    assertThat(http.get("/api/v1/namespaces/default/configmaps/big").code()).isEqualTo(404);
  }

  @Test
  void unsupportedMediaTypeIs415() {
    Http.Answer a = http.send("POST", "/api/v1/namespaces/default/configmaps",
        "<xml/>", "application/xml", "application/json");
    assertStatus(a, 415, "UnsupportedMediaType");
  }

  @Test
  void unknownPathsAreNotFound() {
    assertStatus(http.get("/api/v1/namespaces/default/widgets"), 404, "NotFound");
    assertStatus(http.get("/apis/nosuch.io/v1/things"), 404, "NotFound");
    assertStatus(http.get("/nothing/here"), 404, "NotFound");
  }

  @Test
  void wrongMethodIsMethodNotAllowed() {
    assertStatus(http.send("POST", "/api/v1/namespaces/default/pods/some-pod", "{}",
        "application/json", "application/json"), 405, "MethodNotAllowed");
  }

  @Test
  void aKindOrApiVersionThatDoesNotMatchTheUrlIsBadRequest() {
    assertStatus(http.post("/api/v1/namespaces/default/configmaps",
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"k\"}}"), 400,
        "BadRequest");
    Http.Answer wrongVersion = http.post("/api/v1/namespaces/default/configmaps",
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"k\"}}");
    assertStatus(wrongVersion, 400, "BadRequest");
    assertThat(wrongVersion.json().get("message").asText())
        .isEqualTo("the API version in the data (apps/v1) does not match the expected API"
            + " version (v1)");
  }

  @Test
  void aNameThatDiffersFromTheUrlIsBadRequest() {
    http.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"named\"}}");
    Http.Answer a = http.put("/api/v1/namespaces/default/configmaps/named",
        "{\"metadata\":{\"name\":\"other\"}}");
    assertStatus(a, 400, "BadRequest");
    assertThat(a.json().get("message").asText())
        .isEqualTo("the name of the object (other) does not match the name on the URL (named)");
  }

  @Test
  void aNamespaceThatDiffersFromTheUrlIsBadRequest() {
    assertStatus(http.post("/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"name\":\"nsx\",\"namespace\":\"kube-system\"}}"), 400, "BadRequest");
  }

  @Test
  void invalidObjectsAreUnprocessableWithACausePerField() {
    Http.Answer a = http.post("/api/v1/namespaces/default/pods", """
        {"metadata":{"name":"Bad_Name"},"spec":{"containers":[
          {"name":"a","image":"x"},{"name":"a","image":"y"}]}}""");
    assertStatus(a, 422, "Invalid");
    JsonNode status = a.json();
    assertThat(status.at("/details/kind").asText()).isEqualTo("Pod");
    assertThat(status.at("/details/name").asText()).isEqualTo("Bad_Name");
    assertThat(status.get("message").asText()).startsWith("Pod \"Bad_Name\" is invalid: [");
    assertThat(status.at("/details/causes").findValuesAsText("field"))
        .contains("metadata.name", "spec.containers[1].name");
    assertThat(status.at("/details/causes").findValuesAsText("reason"))
        .contains("FieldValueInvalid", "FieldValueDuplicate");
    assertThat(http.get("/api/v1/namespaces/default/pods/Bad_Name").code()).isEqualTo(404);
  }

  @Test
  void invalidQuantitiesAndLabelsAreUnprocessable() {
    Http.Answer a = http.post("/api/v1/namespaces/default/pods", """
        {"metadata":{"name":"q","labels":{"bad key!":"v"}},"spec":{"containers":[
          {"name":"c","image":"x","resources":{"requests":{"cpu":"lots"}}}]}}""");
    assertThat(a.code()).isIn(400, 422);
    assertThat(http.get("/api/v1/namespaces/default/pods/q").code()).isEqualTo(404);
  }

  @Test
  void immutableFieldsCannotChange() {
    http.post("/apis/apps/v1/namespaces/default/deployments", deployment("imm", "a"));
    JsonNode current = http.get("/apis/apps/v1/namespaces/default/deployments/imm").json();
    String changed = current.toString().replace("\"app\":\"a\"", "\"app\":\"b\"");
    Http.Answer a = http.put("/apis/apps/v1/namespaces/default/deployments/imm", changed);
    assertStatus(a, 422, "Invalid");
    assertThat(a.json().at("/details/causes").findValuesAsText("field"))
        .contains("spec.selector");
  }

  @Test
  void malformedQueryParametersAreBadRequest() {
    assertStatus(http.get("/api/v1/pods?limit=-1"), 400, "BadRequest");
    assertStatus(http.get("/api/v1/pods?resourceVersion=abc"), 400, "BadRequest");
    assertStatus(http.get("/api/v1/pods?labelSelector=a%20in%20(b"), 400, "BadRequest");
    assertStatus(http.get("/api/v1/pods?fieldSelector=spec.color%3Dred"), 400, "BadRequest");
  }

  static String deployment(String name, String app) {
    return """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s"},
         "spec":{"selector":{"matchLabels":{"app":"%s"}},
          "template":{"metadata":{"labels":{"app":"%s"}},
           "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""".formatted(name, app, app);
  }
}
