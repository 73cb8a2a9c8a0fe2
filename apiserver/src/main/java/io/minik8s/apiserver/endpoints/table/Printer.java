package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Prints one kind of object as a Table row (upstream's TableHandler: column definitions plus a
 * print function). The server always prints the wide form: one cell per column, priority-1 columns
 * included, since {@code -o wide} sends the same request.
 */
public interface Printer {

  /** The column definitions, in cell order. */
  List<Column> columns();

  /**
   * The row's cells, one per column; never null values.
   *
   * @param now the time ages are computed against
   */
  List<Object> cells(HasMetadata object, Instant now);

  /** The row's conditions (pods that finished are "Completed"); none by default. */
  default List<RowCondition> conditions(HasMetadata object) {
    return List.of();
  }

  /** A printer of objects of one class whose cells are a function of the object and the time. */
  static <T extends HasMetadata> Printer of(
      Class<T> type, List<Column> columns, BiFunction<T, Instant, List<Object>> cells) {
    List<Column> defined = List.copyOf(columns);
    return new Printer() {
      @Override
      public List<Column> columns() {
        return defined;
      }

      @Override
      public List<Object> cells(HasMetadata object, Instant now) {
        return cells.apply(type.cast(object), now);
      }
    };
  }
}
