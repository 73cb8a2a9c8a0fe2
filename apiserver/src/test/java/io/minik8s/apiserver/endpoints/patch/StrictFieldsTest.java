package io.minik8s.apiserver.endpoints.patch;

import static io.minik8s.apiserver.endpoints.patch.StrategicMergePatchTest.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strict decoding as upstream's field validation integration test expects it. */
class StrictFieldsTest {
  /** The body of upstream's test (field_validation_test.go invalidBodyJSON). */
  static final String INVALID_DEPLOYMENT = """
      {"apiVersion":"apps/v1","kind":"Deployment",
       "metadata":{"name":"d","name":"d","unknownMeta":"x","labels":{"app":"nginx"}},
       "spec":{"unknown1":"val1","unknownDupe":"valDupe","unknownDupe":"valDupe2",
         "paused":true,"paused":false,
         "selector":{"matchLabels":{"app":"nginx"}},
         "template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{
           "name":"nginx","image":"nginx:latest","unknownNested":"val1",
           "imagePullPolicy":"Always","imagePullPolicy":"Never"}]}}}}""";

  private final StrictFields fields = new StrictFields(new ModelSchema(Serialization.json()));

  @Test
  void reportsUnknownAndDuplicateFieldsInDocumentOrder() throws IOException {
    StrictFields.Decoded decoded = fields.read(Serialization.json(),
        INVALID_DEPLOYMENT.getBytes(StandardCharsets.UTF_8), Deployment.class);
    assertThat(decoded.errors()).containsExactly(
        "duplicate field \"metadata.name\"",
        "unknown field \"metadata.unknownMeta\"",
        "unknown field \"spec.unknown1\"",
        "unknown field \"spec.unknownDupe\"",
        "duplicate field \"spec.paused\"",
        "unknown field \"spec.template.spec.containers[0].unknownNested\"",
        "duplicate field \"spec.template.spec.containers[0].imagePullPolicy\"");
  }

  @Test
  void leavesUnknownFieldsOutSoThatNothingKeepsThem() throws IOException {
    StrictFields.Decoded decoded = fields.read(Serialization.json(),
        INVALID_DEPLOYMENT.getBytes(StandardCharsets.UTF_8), Deployment.class);
    Deployment d = Serialization.json().treeToValue(decoded.tree(), Deployment.class);
    assertThat(d.getAdditionalProperties()).isEmpty();
    assertThat(d.getMetadata().getAdditionalProperties()).isEmpty();
    assertThat(d.getSpec().getAdditionalProperties()).isEmpty();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0)
        .getAdditionalProperties()).isEmpty();
    // the last of duplicated fields wins, as in Go
    assertThat(d.getSpec().getPaused()).isFalse();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImagePullPolicy())
        .isEqualTo("Never");
    assertThat(Serialization.json().writeValueAsString(d)).doesNotContain("unknown");
  }

  @Test
  void readsYamlBodiesToo() throws IOException {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          bogus: 1
        data:
          a: b
        """;
    StrictFields.Decoded decoded = fields.read(Serialization.yaml(),
        yaml.getBytes(StandardCharsets.UTF_8), io.fabric8.kubernetes.api.model.ConfigMap.class);
    assertThat(decoded.errors()).containsExactly("unknown field \"metadata.bogus\"");
    assertThat(decoded.tree().at("/data/a").asText()).isEqualTo("b");
  }

  @Test
  void mapsAcceptAnyKeyAndFreeFormValuesAnything() throws IOException {
    String pod = """
        {"metadata":{"labels":{"any.key/x":"1"},"annotations":{"y":"2"},
         "managedFields":[{"manager":"kubectl","fieldsType":"FieldsV1",
          "fieldsV1":{"f:metadata":{"f:labels":{".":{}}}}}]},
        "spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":"1","memory":"1Gi"}},
           "ports":[{"containerPort":80}],"livenessProbe":{"httpGet":{"port":"http"}}}]}}""";
    StrictFields.Decoded decoded = fields.read(Serialization.json(),
        pod.getBytes(StandardCharsets.UTF_8), io.fabric8.kubernetes.api.model.Pod.class);
    assertThat(decoded.errors()).isEmpty();
  }

  @Test
  void prunesPatchedObjectsInKeyOrder() {
    JsonNode patched = object("""
        {"spec":{"unknownDupe":"x","unknown1":"y","paused":false,"template":{"spec":{
          "containers":[{"name":"nginx","unknownNested":"z"}]}}},"zzz":1}""");
    assertThat(fields.prune(patched, Deployment.class)).containsExactly(
        "unknown field \"spec.template.spec.containers[0].unknownNested\"",
        "unknown field \"spec.unknown1\"",
        "unknown field \"spec.unknownDupe\"",
        "unknown field \"zzz\"");
    assertThat(patched.toString()).doesNotContain("unknown").doesNotContain("zzz");
  }
}
