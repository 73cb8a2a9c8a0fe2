package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Core Events as upstream's printEvent: LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE
 * FIRST SEEN COUNT NAME (in upstream's column order, wide ones interleaved).
 */
final class EventPrinter implements Printer {
  private static final List<Column> COLUMNS =
      List.of(
          Column.string("Last Seen", ColumnDocs.EVENT_LAST_TIMESTAMP),
          Column.string("Type", ColumnDocs.EVENT_TYPE),
          Column.string("Reason", ColumnDocs.EVENT_REASON),
          Column.string("Object", ColumnDocs.EVENT_INVOLVED_OBJECT),
          Column.wide("Subobject", ColumnDocs.FIELD_PATH),
          Column.wide("Source", ColumnDocs.EVENT_SOURCE),
          Column.string("Message", ColumnDocs.EVENT_MESSAGE),
          Column.wide("First Seen", ColumnDocs.EVENT_FIRST_TIMESTAMP),
          Column.wide("Count", ColumnDocs.EVENT_COUNT),
          new Column("Name", "string", "name", ColumnDocs.NAME, 1));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(HasMetadata object, Instant now) {
    Event event = (Event) object;
    String first =
        HumanDuration.parse(event.getFirstTimestamp()) == null
            ? since(event.getEventTime(), now)
            : HumanDuration.since(event.getFirstTimestamp(), now);
    String last =
        HumanDuration.parse(event.getLastTimestamp()) == null
            ? first
            : HumanDuration.since(event.getLastTimestamp(), now);
    long count = Cells.num(event.getCount());
    if (event.getSeries() != null) {
      last = since(event.getSeries().getLastObservedTime(), now);
      count = Cells.num(event.getSeries().getCount());
    } else if (count == 0) {
      count = 1; // singleton events of the events.k8s.io API carry no count
    }
    ObjectReference involved =
        event.getInvolvedObject() == null ? new ObjectReference() : event.getInvolvedObject();
    String kind = Cells.str(involved.getKind()).toLowerCase(Locale.ROOT);
    String target =
        Cells.str(involved.getName()).isEmpty() ? kind : kind + "/" + involved.getName();
    return List.of(
        last,
        Cells.str(event.getType()),
        Cells.str(event.getReason()),
        target,
        Cells.str(involved.getFieldPath()),
        source(event),
        Cells.str(event.getMessage()).strip(),
        first,
        count,
        Cells.str(event.getMetadata().getName()));
  }

  /** "component, host", each falling back to reportingComponent / reportingInstance. */
  private static String source(Event event) {
    EventSource source = event.getSource() == null ? new EventSource() : event.getSource();
    String component = firstNonEmpty(source.getComponent(), event.getReportingComponent());
    String host = firstNonEmpty(source.getHost(), event.getReportingInstance());
    return host.isEmpty() ? component : component + ", " + host;
  }

  private static String firstNonEmpty(String a, String b) {
    return a != null && !a.isEmpty() ? a : Cells.str(b);
  }

  private static String since(MicroTime time, Instant now) {
    return HumanDuration.since(time == null ? null : time.getTime(), now);
  }
}
