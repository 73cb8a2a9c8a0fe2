package io.minik8s.apiserver.endpoints.table;

import static io.minik8s.apiserver.endpoints.table.PodFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Tables' wire shape, field for field as upstream encodes metav1.Table. */
class TableConvertorTest {
  static final ResourceType PODS = ResourceRegistry.builtIn().find("", "v1", "pods").orElseThrow();
  static final ResourceType BINDINGS =
      ResourceRegistry.builtIn().find("", "v1", "bindings").orElseThrow();
  final TableConvertor tables =
      new TableConvertor(Printers.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

  static Pod pod(String name, String phase) {
    return new PodBuilder(PodFixture.pod("app").phase(phase).obj())
        .editMetadata()
        .withName(name)
        .withResourceVersion("41")
        .withUid("uid-" + name)
        .withLabels(Map.of("app", "web"))
        .endMetadata()
        .build();
  }

  static TableRequest request(String version, TableRequest.IncludeObject include) {
    return new TableRequest(version, false, include);
  }

  static JsonNode json(Table table, TableRequest request) throws IOException {
    return Serialization.json().readTree(TableConvertor.encode(table, request));
  }

  @Test
  void listsBecomeTablesWithColumnsRowsAndPartialObjectMetadata() throws IOException {
    TableRequest request = request("v1", TableRequest.IncludeObject.METADATA);
    List<HasMetadata> pods = List.of(pod("a", "Running"), pod("b", "Pending"));
    JsonNode table = json(tables.list(PODS, pods, "120", "tok", 5L, request), request);

    assertThat(table.fieldNames())
        .toIterable()
        .containsExactly("kind", "apiVersion", "metadata", "columnDefinitions", "rows");
    assertThat(table.get("kind").asText()).isEqualTo("Table");
    assertThat(table.get("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(table.get("metadata").toString())
        .isEqualTo("{\"resourceVersion\":\"120\",\"continue\":\"tok\",\"remainingItemCount\":5}");
    JsonNode ready = table.at("/columnDefinitions/1");
    assertThat(ready.toString())
        .isEqualTo(
            "{\"name\":\"Ready\",\"type\":\"string\",\"format\":\"\",\"description\":\"The"
                + " aggregate readiness state of this pod for accepting"
                + " traffic.\",\"priority\":0}");
    assertThat(table.at("/columnDefinitions/5/priority").asInt()).isEqualTo(1);
    assertThat(table.get("rows")).hasSize(2);
    JsonNode row = table.at("/rows/0");
    assertThat(row.get("cells").toString())
        .isEqualTo(
            "[\"a\",\"0/1\",\"Running\",\"0\",\"5m\",\"<none>\",\"<none>\",\"<none>\","
                + "\"<none>\"]");
    assertThat(row.has("conditions")).isFalse();
    assertThat(row.at("/object/kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(row.at("/object/apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(row.at("/object/metadata/namespace").asText()).isEqualTo("default");
    assertThat(row.at("/object/metadata/labels/app").asText()).isEqualTo("web");
    assertThat(row.at("/object/metadata/uid").asText()).isEqualTo("uid-a");
    assertThat(row.at("/object").has("spec")).isFalse();
  }

  @Test
  void theFirstPageOfAListWithoutContinueHasOnlyAResourceVersion() throws IOException {
    TableRequest request = request("v1", TableRequest.IncludeObject.METADATA);
    JsonNode table = json(tables.list(PODS, List.of(), "7", null, 3L, request), request);
    assertThat(table.get("metadata").toString()).isEqualTo("{\"resourceVersion\":\"7\"}");
    assertThat(table.get("rows").toString()).isEqualTo("[]");
    assertThat(table.get("columnDefinitions")).hasSize(9);
  }

  @Test
  void includeObjectSelectsTheRowObject() throws IOException {
    TableRequest whole = request("v1", TableRequest.IncludeObject.OBJECT);
    JsonNode full = json(tables.object(PODS, pod("a", "Running"), whole, true), whole);
    assertThat(full.at("/rows/0/object/kind").asText()).isEqualTo("Pod");
    assertThat(full.at("/rows/0/object/apiVersion").asText()).isEqualTo("v1");
    assertThat(full.at("/rows/0/object/spec/containers/0/name").asText()).isEqualTo("app");

    TableRequest none = request("v1", TableRequest.IncludeObject.NONE);
    JsonNode bare = json(tables.object(PODS, pod("a", "Running"), none, true), none);
    // upstream encodes the empty RawExtension as null rather than leaving it out
    assertThat(bare.at("/rows/0").toString()).endsWith(",\"object\":null}");
  }

  @Test
  void oneObjectIsAOneRowTableAtItsResourceVersion() throws IOException {
    TableRequest request = request("v1beta1", TableRequest.IncludeObject.METADATA);
    JsonNode table = json(tables.object(PODS, pod("a", "Running"), request, true), request);
    assertThat(table.get("apiVersion").asText()).isEqualTo("meta.k8s.io/v1beta1");
    assertThat(table.get("metadata").toString()).isEqualTo("{\"resourceVersion\":\"41\"}");
    assertThat(table.get("rows")).hasSize(1);
    assertThat(table.at("/rows/0/object/apiVersion").asText()).isEqualTo("meta.k8s.io/v1beta1");
  }

  @Test
  void withoutHeadersColumnDefinitionsAreNullAsUpstreamEncodesThem() throws IOException {
    TableRequest request = request("v1", TableRequest.IncludeObject.METADATA);
    JsonNode table = json(tables.object(PODS, pod("a", "Running"), request, false), request);
    assertThat(table.has("columnDefinitions")).isTrue();
    assertThat(table.get("columnDefinitions").isNull()).isTrue();
    assertThat(table.get("rows")).hasSize(1);
  }

  @Test
  void finishedPodsCarryACompletedRowCondition() throws IOException {
    TableRequest request = request("v1", TableRequest.IncludeObject.NONE);
    JsonNode table =
        json(
            tables.list(
                PODS,
                List.of(pod("done", "Succeeded"), pod("bad", "Failed")),
                "9",
                null,
                null,
                request),
            request);
    assertThat(table.at("/rows/0/conditions").toString())
        .isEqualTo(
            "[{\"type\":\"Completed\",\"status\":\"True\",\"reason\":\"Succeeded\","
                + "\"message\":\"The pod has completed successfully.\"}]");
    assertThat(table.at("/rows/1/conditions/0/reason").asText()).isEqualTo("Failed");
  }

  @Test
  void bookmarksAreTablesWithoutRows() throws IOException {
    TableRequest request = request("v1", TableRequest.IncludeObject.METADATA);
    JsonNode table = json(tables.bookmark("77", request), request);
    assertThat(table.toString())
        .isEqualTo(
            "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":"
                + "{\"resourceVersion\":\"77\"},\"columnDefinitions\":null,\"rows\":[]}");
  }

  @Test
  void resourcesWithoutAPrinterGetTheDefaultTable() throws IOException {
    TableRequest request = request("v1", TableRequest.IncludeObject.NONE);
    Pod created = pod("x", "Running");
    created.getMetadata().setCreationTimestamp("2024-05-01T11:58:01.123456Z");
    Pod bare = pod("y", "Running");
    bare.getMetadata().setCreationTimestamp(null);
    JsonNode table =
        json(tables.list(BINDINGS, List.of(created, bare), "3", null, null, request), request);
    assertThat(table.at("/columnDefinitions/1/name").asText()).isEqualTo("Created At");
    assertThat(table.at("/columnDefinitions/1/type").asText()).isEqualTo("date");
    assertThat(table.at("/rows/0/cells").toString()).isEqualTo("[\"x\",\"2024-05-01T11:58:01Z\"]");
    assertThat(table.at("/rows/1/cells").toString()).isEqualTo("[\"y\",\"0001-01-01T00:00:00Z\"]");
  }

  @Test
  void yamlTablesAreYaml() {
    TableRequest request = new TableRequest("v1", true, TableRequest.IncludeObject.NONE);
    String yaml =
        new String(
            TableConvertor.encode(tables.bookmark("5", request), request),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(yaml).startsWith("kind: Table\napiVersion: meta.k8s.io/v1\n");
  }
}
