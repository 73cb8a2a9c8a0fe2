package io.minik8s.apiserver.endpoints.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenApiDocumentsTest {
  private static final ResourceRegistry TYPES = ResourceRegistry.builtIn();
  private static final Map<String, JsonNode> PARSED = new ConcurrentHashMap<>();
  private static OpenApiDocuments docs;

  @BeforeAll
  static void render() {
    docs = new OpenApiDocuments(TYPES, "v1.32.4");
  }

  static JsonNode json(byte[] bytes) {
    try {
      return Serialization.json().readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode v3(ResourceType type) {
    return PARSED.computeIfAbsent(type.groupVersionPath().substring(1),
        gv -> json(docs.v3(gv).orElseThrow().json()));
  }

  static Stream<ResourceType> servedKinds() {
    return TYPES.all().stream().filter(t -> t.listType() != null);
  }

  @Test
  void indexesEveryServedGroupVersionByContentHash() {
    JsonNode index = json(docs.v3Index().json()).get("paths");
    List<String> keys = new ArrayList<>();
    index.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).contains("api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1",
        "apis/discovery.k8s.io/v1", "apis/policy/v1", "apis/scheduling.k8s.io/v1");
    for (String key : keys) {
      String etag = docs.v3(key).orElseThrow().etag();
      assertThat(etag).matches("[0-9A-F]{128}");
      assertThat(index.at("/" + key.replace("/", "~1") + "/serverRelativeURL").asText())
          .isEqualTo("/openapi/v3/" + key + "?hash=" + etag);
    }
  }

  @Test
  void rendersTheSameBytesEveryTime() {
    OpenApiDocuments again = new OpenApiDocuments(TYPES, "v1.32.4");
    assertThat(again.v3Index().json()).isEqualTo(docs.v3Index().json());
    assertThat(again.v2().etag()).isEqualTo(docs.v2().etag());
  }

  @Test
  void describesPodPatchesAsKubectlLooksForThem() {
    JsonNode patch = v3(TYPES.find("", "v1", "pods").orElseThrow())
        .at("/paths/~1api~1v1~1namespaces~1{namespace}~1pods~1{name}/patch");
    assertThat(patch.get("x-kubernetes-group-version-kind")).isEqualTo(json("""
        {"group":"","version":"v1","kind":"Pod"}""".getBytes()));
    assertThat(patch.get("x-kubernetes-action").asText()).isEqualTo("patch");
    assertThat(patch.get("operationId").asText()).isEqualTo("patchCoreV1NamespacedPod");
    assertThat(patch.has("requestBody")).isFalse();
    assertThat(patch.get("parameters").findValuesAsText("name")).contains("fieldValidation");
  }

  /** cli-runtime's query_param_verifier_v3, which decides whether kubectl validates server-side. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("servedKinds")
  void everyServedKindHasAPatchOperationWithFieldValidation(ResourceType type) {
    JsonNode doc = v3(type);
    Map<String, String> gvk = Map.of("group", type.group(), "version", type.version(),
        "kind", type.kind());
    JsonNode found = null;
    for (JsonNode path : doc.get("paths")) {
      JsonNode patch = path.get("patch");
      if (patch != null && Serialization.json().convertValue(
          patch.get("x-kubernetes-group-version-kind"), Map.class).equals(gvk)) {
        found = patch;
        break;
      }
    }
    assertThat(found).as("PATCH operation of %s", gvk).isNotNull();
    boolean fieldValidation = false;
    for (JsonNode p : found.get("parameters")) {
      fieldValidation |= p.get("name").asText().equals("fieldValidation")
          && p.get("in").asText().equals("query");
    }
    assertThat(fieldValidation).isTrue();
    assertThat(found.has("requestBody")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servedKinds")
  void marksEveryServedKindsSchemaWithItsGroupVersionKind(ResourceType type) {
    JsonNode schemas = v3(type).at("/components/schemas");
    long marked = 0;
    for (JsonNode schema : schemas) {
      for (JsonNode gvk : schema.path("x-kubernetes-group-version-kind")) {
        if (gvk.get("group").asText().equals(type.group())
            && gvk.get("version").asText().equals(type.version())
            && gvk.get("kind").asText().equals(type.kind())) {
          marked++;
        }
      }
    }
    assertThat(marked).isEqualTo(1);
  }

  @Test
  void resolvesEveryReferenceInEveryDocument() {
    List<JsonNode> documents = new ArrayList<>();
    for (String gv : List.of("api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1",
        "apis/discovery.k8s.io/v1", "apis/policy/v1", "apis/scheduling.k8s.io/v1")) {
      documents.add(json(docs.v3(gv).orElseThrow().json()));
    }
    for (JsonNode doc : documents) {
      List<String> refs = doc.findValuesAsText("$ref");
      assertThat(refs).isNotEmpty().allSatisfy(ref -> {
        assertThat(ref).startsWith("#/components/schemas/");
        assertThat(doc.at("/components/schemas").has(ref.substring(21))).as(ref).isTrue();
      });
    }
    JsonNode v2 = json(docs.v2().json());
    assertThat(v2.get("swagger").asText()).isEqualTo("2.0");
    assertThat(v2.findValuesAsText("$ref")).isNotEmpty().allSatisfy(ref ->
        assertThat(v2.get("definitions").has(ref.substring("#/definitions/".length())))
            .as(ref).isTrue());
  }

  /** What {@code kubectl explain pods.spec.containers.resources} walks. */
  @Test
  void letsExplainWalkFromPodToContainerFields() {
    JsonNode schemas = v3(TYPES.find("", "v1", "pods").orElseThrow()).at("/components/schemas");
    JsonNode pod = schemas.get("io.k8s.api.core.v1.Pod");
    assertThat(pod.get("x-kubernetes-group-version-kind")).isEqualTo(json("""
        [{"group":"","kind":"Pod","version":"v1"}]""".getBytes()));
    JsonNode spec = resolve(schemas, pod.at("/properties/spec"));
    JsonNode containers = spec.at("/properties/containers");
    assertThat(containers.get("type").asText()).isEqualTo("array");
    JsonNode container = resolve(schemas, containers.get("items"));
    assertThat(container.at("/properties/image/type").asText()).isEqualTo("string");
    assertThat(container.at("/properties/ports/items/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.api.core.v1.ContainerPort");
    JsonNode resources = resolve(schemas, container.at("/properties/resources"));
    assertThat(resources.at("/properties/limits/additionalProperties/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity");
    JsonNode meta = resolve(schemas, pod.at("/properties/metadata"));
    assertThat(meta.at("/properties/creationTimestamp/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time");
  }

  @Test
  void describesScaleAndEvictionSubresourcesWithTheirOwnKinds() {
    JsonNode apps = v3(TYPES.find("apps", "v1", "deployments").orElseThrow());
    JsonNode scale = apps.at(
        "/paths/~1apis~1apps~1v1~1namespaces~1{namespace}~1deployments~1{name}~1scale/patch");
    assertThat(scale.at("/x-kubernetes-group-version-kind/kind").asText()).isEqualTo("Scale");
    assertThat(scale.at("/x-kubernetes-group-version-kind/group").asText())
        .isEqualTo("autoscaling");
    JsonNode core = v3(TYPES.find("", "v1", "pods").orElseThrow());
    JsonNode eviction = core.at(
        "/paths/~1api~1v1~1namespaces~1{namespace}~1pods~1{name}~1eviction/post");
    assertThat(eviction.get("operationId").asText()).isEqualTo("createCoreV1NamespacedPodEviction");
    assertThat(eviction.at("/requestBody/content/*~1*/schema/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.api.policy.v1.Eviction");
  }

  private static JsonNode resolve(JsonNode schemas, JsonNode node) {
    String ref = node.get("$ref").asText();
    return schemas.get(ref.substring("#/components/schemas/".length()));
  }
}
