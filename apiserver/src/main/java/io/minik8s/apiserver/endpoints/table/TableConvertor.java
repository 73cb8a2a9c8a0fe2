package io.minik8s.apiserver.endpoints.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns objects into Tables (upstream's TableConvertor plus the row-object handling of its response
 * transformation): one row per object with the resource's printer, the row object as the client
 * asked, ages computed against the injected clock at response time.
 */
public final class TableConvertor {
  private final Printers printers;
  private final Clock clock;

  public TableConvertor(Printers printers, Clock clock) {
    this.printers = printers;
    this.clock = clock;
  }

  /** Upstream's printers with the system clock. */
  public static TableConvertor builtIn() {
    return new TableConvertor(Printers.builtIn(), Clock.systemUTC());
  }

  /**
   * A list as a Table, with column definitions.
   *
   * @param continueToken the page's continue token, or null
   * @param remaining the remaining item count, or null
   */
  public Table list(
      ResourceType type,
      List<HasMetadata> items,
      String resourceVersion,
      String continueToken,
      Long remaining,
      TableRequest request) {
    Printer printer = printers.forResource(type);
    Instant now = clock.instant();
    List<TableRow> rows = new ArrayList<>(items.size());
    for (HasMetadata item : items) {
      rows.add(row(printer, item, now, request));
    }
    Long count = continueToken == null ? null : remaining;
    return Table.of(
        request.version(),
        new Table.Meta(resourceVersion, continueToken, count),
        printer.columns(),
        rows);
  }

  /**
   * One object as a one-row Table; its resourceVersion is the Table's, as upstream.
   *
   * @param headers whether to include the column definitions (a watch sends them only once)
   */
  public Table object(
      ResourceType type, HasMetadata object, TableRequest request, boolean headers) {
    Printer printer = printers.forResource(type);
    return Table.of(
        request.version(),
        new Table.Meta(object.getMetadata().getResourceVersion(), null, null),
        headers ? printer.columns() : null,
        List.of(row(printer, object, clock.instant(), request)));
  }

  /** A Table without rows carrying only a resourceVersion: a watch bookmark in Table form. */
  public Table bookmark(String resourceVersion, TableRequest request) {
    return Table.of(
        request.version(), new Table.Meta(resourceVersion, null, null), null, List.of());
  }

  /** Encodes a Table in the request's syntax (JSON, or YAML when asked for). */
  public static byte[] encode(Table table, TableRequest request) {
    try {
      return (request.yaml() ? Serialization.yaml() : Serialization.json())
          .writeValueAsBytes(table);
    } catch (JsonProcessingException e) {
      throw ApiException.internal("cannot encode table: " + e.getOriginalMessage());
    }
  }

  private static TableRow row(
      Printer printer, HasMetadata object, Instant now, TableRequest request) {
    Object rowObject =
        switch (request.includeObject()) {
          case METADATA -> PartialObjectMetadata.of(request.version(), object.getMetadata());
          case OBJECT -> object;
          case NONE -> null;
        };
    return new TableRow(printer.cells(object, now), printer.conditions(object), rowObject);
  }
}
