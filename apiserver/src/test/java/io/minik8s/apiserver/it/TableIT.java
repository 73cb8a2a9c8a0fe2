package io.minik8s.apiserver.it;

import static io.minik8s.apiserver.it.TableAnswers.AGE;
import static io.minik8s.apiserver.it.TableAnswers.T;
import static io.minik8s.apiserver.it.TableAnswers.cells;
import static io.minik8s.apiserver.it.TableAnswers.columns;
import static io.minik8s.apiserver.it.TableAnswers.created;
import static io.minik8s.apiserver.it.TableAnswers.row;
import static io.minik8s.apiserver.it.TableAnswers.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.api.Serialization;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Server-side printing over HTTP, with the Accept header kubectl 1.32 sends for get/list/watch. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TableIT {
  static final String NS = "tables";
  static final String PODS = "/api/v1/namespaces/" + NS + "/pods";

  static TestApiServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
    http = new Http(server.url());
    created(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + NS + "\"}}"));
    // pods need their ServiceAccount once ServiceAccount admission runs
    http.post(
        "/api/v1/namespaces/" + NS + "/serviceaccounts", "{\"metadata\":{\"name\":\"default\"}}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode pod(String name) {
    return created(
        http.post(
            PODS,
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"web"}},
             "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}\
            """
                .formatted(name)));
  }

  @Test
  void listsPodsAsATableWithUpstreamsColumnsAndPartialObjectMetadataRows() {
    JsonNode pod = pod("listed");
    JsonNode table = table(http, PODS);

    assertThat(columns(table))
        .containsExactly(
            "Name",
            "Ready",
            "Status",
            "Restarts",
            "Age",
            "*IP",
            "*Node",
            "*Nominated Node",
            "*Readiness Gates");
    assertThat(table.at("/columnDefinitions/0/format").asText()).isEqualTo("name");
    assertThat(table.at("/metadata/resourceVersion").asLong())
        .isGreaterThanOrEqualTo(pod.at("/metadata/resourceVersion").asLong());
    JsonNode row = row(table, "listed");
    assertThat(cells(row).subList(0, 4)).containsExactly("listed", "0/1", "Pending", "0");
    assertThat(cells(row).get(4)).matches(AGE);
    assertThat(cells(row).subList(5, 9)).containsOnly("<none>");
    JsonNode object = row.get("object");
    assertThat(object.get("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(object.get("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(object.at("/metadata/namespace").asText()).isEqualTo(NS);
    assertThat(object.at("/metadata/labels/app").asText()).isEqualTo("web");
    assertThat(object.at("/metadata/uid")).isEqualTo(pod.at("/metadata/uid"));
    assertThat(object.has("spec")).isFalse();
  }

  @Test
  void getAnswersAOneRowTableAtTheObjectsResourceVersion() {
    JsonNode pod = pod("got");
    JsonNode table = table(http, PODS + "/got");
    assertThat(table.get("rows")).hasSize(1);
    assertThat(table.get("columnDefinitions")).hasSize(9);
    assertThat(table.at("/metadata/resourceVersion").asText())
        .isEqualTo(pod.at("/metadata/resourceVersion").asText());
    assertThat(cells(table.at("/rows/0")).get(0)).isEqualTo("got");
  }

  @Test
  void jsonClientsStillGetTheObjects() {
    pod("plain");
    Http.Answer list = http.get(PODS, "application/json");
    assertThat(list.contentType()).isEqualTo("application/json");
    assertThat(list.json().get("kind").asText()).isEqualTo("PodList");
    Http.Answer got = http.get(PODS + "/plain", "application/json, */*");
    assertThat(got.json().get("kind").asText()).isEqualTo("Pod");
  }

  @Test
  void includeObjectChoosesWhatRowsCarry() {
    pod("whole");
    JsonNode full = table(http, PODS + "/whole?includeObject=Object");
    assertThat(full.at("/rows/0/object/kind").asText()).isEqualTo("Pod");
    assertThat(full.at("/rows/0/object/spec/containers/0/image").asText()).isEqualTo("nginx:1.27");
    JsonNode none = table(http, PODS + "/whole?includeObject=None");
    assertThat(none.at("/rows/0").has("object")).isTrue();
    assertThat(none.at("/rows/0/object").isNull()).isTrue();

    Http.Answer bad = http.get(PODS + "?includeObject=All", T);
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.json().get("message").asText())
        .isEqualTo(
            "Unable to convert to Table as"
                + " requested: includeObject: Invalid value: \"All\": must be 'Metadata', 'Object',"
                + " 'None', or empty");
  }

  @Test
  void pagesOfAListCarryTheContinueToken() {
    pod("page-1");
    pod("page-2");
    JsonNode page = table(http, PODS + "?limit=1");
    assertThat(page.get("rows")).hasSize(1);
    assertThat(page.at("/metadata/continue").asText()).isNotEmpty();
    assertThat(page.at("/metadata/remainingItemCount").asLong()).isPositive();
  }

  @Test
  void watchSendsOneRowTablesWithColumnDefinitionsOnlyInTheFirstEvent() throws Exception {
    String rv = table(http, PODS).at("/metadata/resourceVersion").asText();
    try (TableWatch watch = new TableWatch(PODS + "?watch=true&resourceVersion=" + rv)) {
      pod("watched-1");
      pod("watched-2");
      assertThat(http.delete(PODS + "/watched-1?gracePeriodSeconds=0").code()).isEqualTo(200);

      JsonNode first = watch.next();
      JsonNode second = watch.next();
      JsonNode third = watch.next();
      assertThat(watch.contentType).isEqualTo("application/json");
      assertThat(List.of(first, second, third))
          .extracting(e -> e.get("type").asText())
          .containsExactly("ADDED", "ADDED", "DELETED");
      for (JsonNode event : List.of(first, second, third)) {
        assertThat(event.at("/object/kind").asText()).isEqualTo("Table");
        assertThat(event.at("/object/rows")).hasSize(1);
        assertThat(event.at("/object/rows/0/object/kind").asText())
            .isEqualTo("PartialObjectMetadata");
      }
      assertThat(columns(first.get("object"))).hasSize(9).startsWith("Name", "Ready", "Status");
      assertThat(second.at("/object").has("columnDefinitions")).isTrue();
      assertThat(second.at("/object/columnDefinitions").isNull()).isTrue();
      assertThat(third.at("/object/columnDefinitions").isNull()).isTrue();
      assertThat(cells(first.at("/object/rows/0")).subList(0, 3))
          .containsExactly("watched-1", "0/1", "Pending");
      assertThat(cells(second.at("/object/rows/0")).get(0)).isEqualTo("watched-2");
      assertThat(cells(third.at("/object/rows/0")).get(0)).isEqualTo("watched-1");
      assertThat(third.at("/object/metadata/resourceVersion").asLong())
          .isGreaterThan(second.at("/object/metadata/resourceVersion").asLong());
    }
  }

  /** A watch opened with kubectl's Table Accept header; events arrive as JSON lines. */
  static final class TableWatch implements AutoCloseable {
    final java.util.concurrent.BlockingQueue<JsonNode> events =
        new java.util.concurrent.LinkedBlockingQueue<>();
    final java.io.InputStream body;
    final String contentType;

    TableWatch(String path) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(server.url() + path)).header("Accept", T).GET().build();
      HttpResponse<java.io.InputStream> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      contentType = response.headers().firstValue("Content-Type").orElse("");
      body = response.body();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = lines.readLine()) != null) {
                    events.add(Serialization.json().readTree(line));
                  }
                } catch (IOException e) {
                  // the watch was closed
                }
              },
              "table-watch");
      reader.setDaemon(true);
      reader.start();
    }

    JsonNode next() throws InterruptedException {
      JsonNode event = events.poll(10, TimeUnit.SECONDS);
      assertThat(event).as("a watch event within 10s").isNotNull();
      return event;
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
