package io.minik8s.apiserver.endpoints.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One Table row (upstream's TableRow).
 *
 * @param cells one value per column definition: strings, longs or booleans
 * @param conditions row conditions, omitted when empty
 * @param object the row's object as the client asked for it (PartialObjectMetadata, the full
 *     object, or null, which upstream encodes as {@code "object":null})
 */
@JsonPropertyOrder({"cells", "conditions", "object"})
public record TableRow(
    List<Object> cells,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RowCondition> conditions,
    @JsonInclude(JsonInclude.Include.ALWAYS) Object object) {

  public TableRow {
    cells = List.copyOf(cells); // printers never emit null cells, as upstream's never do
    conditions = List.copyOf(conditions);
  }
}
