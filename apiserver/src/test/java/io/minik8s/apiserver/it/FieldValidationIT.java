package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * fieldValidation on create, update and patch as upstream: Strict rejects unknown and duplicate
 * fields, Warn (the default) and Ignore accept the object without them, and they never reach
 * etcd.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FieldValidationIT {
  static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  static TestApiServer server;
  static HeaderHttp http;

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
    http = new HeaderHttp(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String deployment(String name, String extra) {
    return """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s"},
         "spec":{%s"selector":{"matchLabels":{"app":"v"}},"template":{"metadata":{"labels":
          {"app":"v"}},"spec":{"containers":[{"name":"c","image":"nginx","imagePullPolicy":
          "Always","imagePullPolicy":"Never"}]}}}}""".formatted(name, extra);
  }

  static HeaderHttp.Reply create(String query, String body) {
    return http.send("POST", DEPLOYMENTS + query, "application/json", body);
  }

  String stored(String name) {
    return server.etcd().etcdctl("get", server.prefix() + "/deployments/default/" + name,
        "--print-value-only");
  }

  @Test
  void strictRejectsUnknownAndDuplicateFieldsWithUpstreamsMessage() {
    HeaderHttp.Reply reply = create("?fieldValidation=Strict&fieldManager=kubectl-create",
        deployment("strict", "\"foo\":1,"));
    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.json().get("reason").asText()).isEqualTo("BadRequest");
    assertThat(reply.json().get("message").asText()).isEqualTo("Deployment in version \"v1\" "
        + "cannot be handled as a Deployment: strict decoding error: unknown field \"spec.foo\", "
        + "duplicate field \"spec.template.spec.containers[0].imagePullPolicy\"");
    assertThat(stored("strict")).isEmpty();
  }

  @Test
  void warnStoresTheObjectWithoutUnknownFieldsAndWarns() {
    HeaderHttp.Reply reply = create("?fieldValidation=Warn", deployment("warned", "\"foo\":1,"));
    assertThat(reply.code()).as(reply.body()).isEqualTo(201);
    assertThat(reply.headers("Warning")).containsExactly(
        "299 - \"unknown field \\\"spec.foo\\\"\", "
        + "299 - \"duplicate field \\\"spec.template.spec.containers[0].imagePullPolicy\\\"\"");
    assertThat(reply.body()).doesNotContain("foo");
    assertThat(stored("warned")).contains("\"imagePullPolicy\":\"Never\"").doesNotContain("foo");
  }

  @Test
  void warnIsTheDefault() {
    HeaderHttp.Reply reply = create("", deployment("defaulted", "\"foo\":1,"));
    assertThat(reply.code()).isEqualTo(201);
    assertThat(reply.headers("Warning")).hasSize(1);
    assertThat(reply.headers("Warning").get(0)).contains("unknown field \\\"spec.foo\\\"");
  }

  @Test
  void ignoreDropsUnknownFieldsSilently() {
    HeaderHttp.Reply reply = create("?fieldValidation=Ignore",
        deployment("ignored", "\"foo\":{\"bar\":1},"));
    assertThat(reply.code()).isEqualTo(201);
    assertThat(reply.headers("Warning")).isEmpty();
    assertThat(stored("ignored")).isNotEmpty().doesNotContain("foo").doesNotContain("bar");
  }

  @Test
  void strictAppliesToUpdates() {
    assertThat(create("", deployment("updated", "")).code()).isEqualTo(201);
    HeaderHttp.Reply reply = http.send("PUT", DEPLOYMENTS + "/updated?fieldValidation=Strict",
        "application/json", deployment("updated", "\"replicas\":2,\"bogus\":true,"));
    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).endsWith(
        "strict decoding error: unknown field \"spec.bogus\", duplicate field "
            + "\"spec.template.spec.containers[0].imagePullPolicy\"");
    assertThat(stored("updated")).doesNotContain("\"replicas\":2");
  }

  @Test
  void strictPatchesAreRejectedAsUpstreamDoes() {
    assertThat(create("", deployment("patched", "")).code()).isEqualTo(201);
    HeaderHttp.Reply reply = http.send("PATCH", DEPLOYMENTS + "/patched?fieldValidation=Strict",
        "application/strategic-merge-patch+json", "{\"spec\":{\"foo\":1,\"paused\":true}}");
    assertThat(reply.code()).isEqualTo(422);
    assertThat(reply.json().at("/details/causes/0/field").asText()).isEqualTo("patch");
    assertThat(reply.json().get("message").asText())
        .startsWith(" \"\" is invalid: patch: Invalid value: \"map[spec:map[foo:1 paused:true]]\"")
        .endsWith(": strict decoding error: unknown field \"spec.foo\"");
    assertThat(stored("patched")).doesNotContain("paused");
  }

  @Test
  void warnedPatchesApplyWithoutUnknownFields() {
    assertThat(create("", deployment("patch-warned", "")).code()).isEqualTo(201);
    HeaderHttp.Reply reply = http.send("PATCH", DEPLOYMENTS + "/patch-warned",
        "application/merge-patch+json", "{\"spec\":{\"foo\":1,\"paused\":true}}");
    assertThat(reply.code()).as(reply.body()).isEqualTo(200);
    assertThat(reply.headers("Warning"))
        .containsExactly("299 - \"unknown field \\\"spec.foo\\\"\"");
    assertThat(stored("patch-warned")).contains("\"paused\":true").doesNotContain("foo");
  }

  @Test
  void anUnknownDirectiveIsInvalidOptions() {
    for (var c : List.of(List.of("POST", DEPLOYMENTS, "CreateOptions"),
        List.of("PATCH", DEPLOYMENTS + "/x", "PatchOptions"))) {
      HeaderHttp.Reply reply = http.send(c.get(0), c.get(1) + "?fieldValidation=Loud",
          c.get(0).equals("PATCH") ? "application/merge-patch+json" : "application/json",
          deployment("x", ""));
      assertThat(reply.code()).isEqualTo(422);
      assertThat(reply.json().get("message").asText()).isEqualTo(c.get(2) + ".meta.k8s.io \"\" "
          + "is invalid: fieldValidation: Unsupported value: \"Loud\": supported values: \"\", "
          + "\"Ignore\", \"Strict\", \"Warn\"");
    }
  }

  @Test
  void yamlBodiesAreCheckedToo() {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: yaml-strict
          colour: blue
        """;
    HeaderHttp.Reply reply = http.send("POST",
        "/api/v1/namespaces/default/configmaps?fieldValidation=Strict", "application/yaml", yaml);
    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).isEqualTo("ConfigMap in version \"v1\" "
        + "cannot be handled as a ConfigMap: strict decoding error: unknown field "
        + "\"metadata.colour\"");
  }
}
