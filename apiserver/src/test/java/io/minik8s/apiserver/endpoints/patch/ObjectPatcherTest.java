package io.minik8s.apiserver.endpoints.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A request's patch applied to a current object, with the strict errors of upstream's field
 * validation test for typed patches (field_validation_test.go testFieldValidationPatchTyped).
 */
class ObjectPatcherTest {
  static final String DEPLOYMENT = """
      {"apiVersion":"apps/v1","kind":"Deployment",
       "metadata":{"name":"d","namespace":"default","resourceVersion":"7","labels":{"app":"nginx"}},
       "spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":
         {"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:latest",
         "imagePullPolicy":"Always"}]}}}}""";

  static final String MERGE_PATCH = """
      {"spec":{"unknown1":"val1","unknownDupe":"valDupe","unknownDupe":"valDupe2",
        "paused":true,"paused":false,"template":{"spec":{"containers":[{"name":"nginx",
        "image":"nginx:latest","unknownNested":"val1","imagePullPolicy":"Always",
        "imagePullPolicy":"Never"}]}}}}""";

  static final String JSON_PATCH = """
      [{"op":"add","path":"/spec/unknown1","value":"val1","foo":"bar"},
       {"op":"add","path":"/spec/unknown2","path":"/spec/unknown3","value":"val1"},
       {"op":"add","path":"/spec/unknownDupe","value":"valDupe"},
       {"op":"add","path":"/spec/unknownDupe","value":"valDupe2"},
       {"op":"add","path":"/spec/paused","value":true},
       {"op":"add","path":"/spec/paused","value":false},
       {"op":"add","path":"/spec/template/spec/containers/0/unknownNested","value":"val1"},
       {"op":"add","path":"/spec/template/spec/containers/0/imagePullPolicy","value":"Always"},
       {"op":"add","path":"/spec/template/spec/containers/0/imagePullPolicy","value":"Never"}]""";

  private final StrictFields fields = new StrictFields(new ModelSchema(Serialization.json()));
  private final ResourceType deployments = ResourceRegistry.builtIn()
      .find("apps", "v1", "deployments").orElseThrow();

  private ObjectPatcher patcher(PatchType type, String body, FieldValidation validation,
      Warnings warnings) {
    return new ObjectPatcher(fields, deployments, "default", "d", type,
        body.getBytes(StandardCharsets.UTF_8), validation, warnings);
  }

  private static Deployment current() throws IOException {
    return Serialization.json().readValue(DEPLOYMENT, Deployment.class);
  }

  @Test
  void strictMergePatchListsPatchDuplicatesThenUnknownFieldsAs422() throws IOException {
    ObjectPatcher p = patcher(PatchType.MERGE_PATCH, MERGE_PATCH, FieldValidation.STRICT,
        new Warnings());
    Deployment current = current();
    assertThatThrownBy(() -> p.apply(current)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(422);
      assertThat(e.status().getDetails().getCauses().get(0).getField()).isEqualTo("patch");
      assertThat(e.getMessage()).startsWith(" \"\" is invalid: patch: Invalid value: \"{")
          .endsWith("\": strict decoding error: duplicate field \"spec.unknownDupe\", "
              + "duplicate field \"spec.paused\", duplicate field "
              + "\"spec.template.spec.containers[0].imagePullPolicy\", unknown field "
              + "\"spec.template.spec.containers[0].unknownNested\", unknown field "
              + "\"spec.unknown1\", unknown field \"spec.unknownDupe\"");
    });
  }

  @Test
  void strictJsonPatchReportsOperationFieldsFirst() throws IOException {
    ObjectPatcher p = patcher(PatchType.JSON_PATCH, JSON_PATCH, FieldValidation.STRICT,
        new Warnings());
    Deployment current = current();
    assertThatThrownBy(() -> p.apply(current)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.getMessage()).endsWith("strict decoding error: json patch unknown "
            + "field \"[0].foo\", json patch duplicate field \"[1].path\", unknown field "
            + "\"spec.template.spec.containers[0].unknownNested\", unknown field "
            + "\"spec.unknown1\", unknown field \"spec.unknown3\", unknown field "
            + "\"spec.unknownDupe\""));
  }

  @Test
  void warnAppliesThePatchWithoutUnknownFieldsAndWarns() throws IOException {
    Warnings warnings = new Warnings();
    HasMetadata patched = patcher(PatchType.STRATEGIC_MERGE_PATCH, MERGE_PATCH,
        FieldValidation.WARN, warnings).apply(current());
    Deployment d = (Deployment) patched;
    assertThat(d.getSpec().getPaused()).isFalse();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImagePullPolicy())
        .isEqualTo("Never");
    assertThat(Serialization.json().writeValueAsString(d)).doesNotContain("unknown");
    assertThat(warnings.texts()).containsExactly(
        "duplicate field \"spec.unknownDupe\"",
        "duplicate field \"spec.paused\"",
        "duplicate field \"spec.template.spec.containers[0].imagePullPolicy\"",
        "unknown field \"spec.template.spec.containers[0].unknownNested\"",
        "unknown field \"spec.unknown1\"",
        "unknown field \"spec.unknownDupe\"");
    assertThat(warnings.headers().get("Warning"))
        .startsWith("299 - \"duplicate field \\\"spec.unknownDupe\\\"\", 299 - ");
  }

  @Test
  void ignoreDropsUnknownFieldsSilently() throws IOException {
    Warnings warnings = new Warnings();
    Deployment d = (Deployment) patcher(PatchType.MERGE_PATCH, MERGE_PATCH,
        FieldValidation.IGNORE, warnings).apply(current());
    assertThat(warnings.texts()).isEmpty();
    assertThat(d.getSpec().getAdditionalProperties()).isEmpty();
  }

  @Test
  void thePatchedObjectIsDefaulted() throws IOException {
    Deployment d = (Deployment) patcher(PatchType.MERGE_PATCH, "{\"spec\":{\"replicas\":3}}",
        FieldValidation.STRICT, new Warnings()).apply(current());
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(d.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Always");
  }

  @Test
  void renamingThroughAPatchIsABadRequest() throws IOException {
    ObjectPatcher p = patcher(PatchType.MERGE_PATCH, "{\"metadata\":{\"name\":\"e\"}}",
        FieldValidation.STRICT, new Warnings());
    Deployment current = current();
    assertThatThrownBy(() -> p.apply(current)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(400);
      assertThat(e.getMessage())
          .isEqualTo("the name of the object (e) does not match the name on the URL (d)");
    });
  }

  @Test
  void aPatchThatIsNotJsonIsABadRequest() {
    assertThatThrownBy(() -> patcher(PatchType.STRATEGIC_MERGE_PATCH, "{nope",
        FieldValidation.STRICT, new Warnings()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    assertThatThrownBy(() -> patcher(PatchType.STRATEGIC_MERGE_PATCH, "[]",
        FieldValidation.STRICT, new Warnings()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo(
            "json: cannot unmarshal array into Go value of type map[string]interface {}"));
  }

  @Test
  void theCurrentObjectIsNotChanged() throws IOException {
    Deployment current = current();
    String before = Serialization.json().writeValueAsString(current);
    patcher(PatchType.JSON_PATCH, "[{\"op\":\"replace\",\"path\":\"/spec/paused\",\"value\":true}]",
        FieldValidation.STRICT, new Warnings()).apply(current);
    assertThat(Serialization.json().writeValueAsString(current)).isEqualTo(before);
  }
}
