package io.minik8s.api.selector;

import java.util.Map;
import java.util.Objects;

/**
 * One term of a field selector (upstream's fields.Requirement).
 *
 * @param field the field name, e.g. "spec.nodeName"
 * @param operator {@link Operator#EQUALS} or {@link Operator#NOT_EQUALS}
 * @param value the unescaped value
 */
public record FieldRequirement(String field, Operator operator, String value) {

  public FieldRequirement {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    if (operator != Operator.EQUALS && operator != Operator.NOT_EQUALS) {
      throw new IllegalArgumentException("field selectors support only = and !=: " + operator);
    }
  }

  /** Whether the object's field values satisfy the term; a missing field has the value "". */
  public boolean matches(Map<String, String> fields) {
    String actual = fields.getOrDefault(field, "");
    return (operator == Operator.EQUALS) == value.equals(actual == null ? "" : actual);
  }

  /** "field=value" or "field!=value", the value escaped. */
  @Override
  public String toString() {
    return field + operator.upstreamName() + FieldSelector.escape(value);
  }
}
