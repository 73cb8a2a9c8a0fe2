package io.minik8s.apiserver.endpoints.table;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One column definition of a Table (upstream's TableColumnDefinition).
 *
 * @param name the header, e.g. "Ready"
 * @param type an OpenAPI type: string, integer, number, boolean or date
 * @param format an OpenAPI format; "name" marks the column that holds the object's name
 * @param description what the column shows (upstream uses the field's API documentation)
 * @param priority 0 for the default view, 1 for columns shown only with {@code -o wide}
 */
@JsonPropertyOrder({"name", "type", "format", "description", "priority"})
public record Column(String name, String type, String format, String description, int priority) {

  public Column {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    Objects.requireNonNull(format);
    Objects.requireNonNull(description);
  }

  /** The object-name column every printer starts with. */
  public static Column objectName() {
    return new Column("Name", "string", "name", ColumnDocs.NAME, 0);
  }

  /** The Age column: the object's creationTimestamp as a human duration. */
  public static Column age() {
    return string("Age", ColumnDocs.CREATION_TIMESTAMP);
  }

  public static Column string(String name, String description) {
    return new Column(name, "string", "", description, 0);
  }

  public static Column integer(String name, String description) {
    return new Column(name, "integer", "", description, 0);
  }

  public static Column bool(String name, String description) {
    return new Column(name, "boolean", "", description, 0);
  }

  /** A string column shown only with {@code -o wide}. */
  public static Column wide(String name, String description) {
    return new Column(name, "string", "", description, 1);
  }
}
