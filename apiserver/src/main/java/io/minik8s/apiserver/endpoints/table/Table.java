package io.minik8s.apiserver.endpoints.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A {@code meta.k8s.io} Table (upstream's metav1.Table), encoded field for field as upstream does:
 * {@code columnDefinitions} is {@code null} when the headers are left out (watch events after the
 * first), never omitted.
 */
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "columnDefinitions", "rows"})
public record Table(
    String kind,
    String apiVersion,
    Meta metadata,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<Column> columnDefinitions,
    List<TableRow> rows) {

  public Table {
    columnDefinitions = columnDefinitions == null ? null : List.copyOf(columnDefinitions);
    rows = List.copyOf(rows);
  }

  /** A Table of the given meta.k8s.io version ("v1" or "v1beta1"). */
  public static Table of(String version, Meta metadata, List<Column> columns, List<TableRow> rows) {
    return new Table("Table", "meta.k8s.io/" + version, metadata, columns, rows);
  }

  /**
   * The Table's list metadata (upstream's ListMeta): the resourceVersion of the list or object, and
   * for a page of a list its continue token and remaining item count.
   */
  @JsonPropertyOrder({"resourceVersion", "continue", "remainingItemCount"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Meta(
      String resourceVersion,
      @JsonProperty("continue") String continueToken,
      Long remainingItemCount) {}
}
