package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Upstream's default table for resources without a printer (rest.NewDefaultTableConvertor): the
 * name and the creation time as an RFC 3339 date, which the client renders itself.
 */
final class DefaultPrinter implements Printer {
  private static final List<Column> COLUMNS =
      List.of(
          Column.objectName(),
          new Column("Created At", "date", "", ColumnDocs.CREATION_TIMESTAMP, 0));

  /** Go's zero time, what upstream prints for an object without creationTimestamp. */
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(HasMetadata object, Instant now) {
    Instant created = HumanDuration.parse(object.getMetadata().getCreationTimestamp());
    // Instant.toString() is RFC 3339 in UTC, as Go's time.RFC3339 format of a UTC time
    String createdAt =
        created == null ? ZERO_TIME : created.truncatedTo(ChronoUnit.SECONDS).toString();
    return List.of(Cells.str(object.getMetadata().getName()), createdAt);
  }
}
