package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Table requests as kubectl 1.32 sends them, and readers of the Tables that come back. */
final class TableAnswers {
  /** kubectl-wire.md's T: what kubectl get sends for lists, gets and watches. */
  static final String T =
      "application/json;as=Table;v=v1;g=meta.k8s.io,"
          + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  static final String TABLE_TYPE = "application/json;as=Table;v=v1;g=meta.k8s.io";

  /** An age of an object created during the test. */
  static final String AGE = "\\d+s";

  private TableAnswers() {}

  static JsonNode created(Http.Answer answer) {
    assertThat(answer.code()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  /** GETs a path with T and checks that a meta.k8s.io/v1 Table came back. */
  static JsonNode table(Http http, String path) {
    Http.Answer answer = http.get(path, T);
    assertThat(answer.code()).as(answer.body()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo(TABLE_TYPE);
    JsonNode table = answer.json();
    assertThat(table.get("kind").asText()).isEqualTo("Table");
    assertThat(table.get("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    return table;
  }

  /** The column names, "*" marking a wide (priority 1) column. */
  static List<String> columns(JsonNode table) {
    List<String> names = new ArrayList<>();
    table
        .get("columnDefinitions")
        .forEach(
            c -> names.add((c.get("priority").asInt() == 1 ? "*" : "") + c.get("name").asText()));
    return names;
  }

  static JsonNode row(JsonNode table, String name) {
    for (JsonNode row : table.get("rows")) {
      if (row.at("/object/metadata/name").asText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + name + " in " + table);
  }

  static List<String> cells(JsonNode row) {
    List<String> cells = new ArrayList<>();
    row.get("cells").forEach(c -> cells.add(c.asText()));
    return cells;
  }
}
