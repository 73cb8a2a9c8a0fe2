package io.minik8s.api.selector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One condition of a label selector (upstream's labels.Requirement). Build validated ones with
 * {@link LabelSelector#requirement}; the canonical constructor only copies.
 *
 * @param key the label key
 * @param operator how the label's value is compared
 * @param values the operand values, kept sorted: none for EXISTS and DOES_NOT_EXIST, one for the
 *     equality and GREATER_THAN / LESS_THAN operators, at least one for IN and NOT_IN
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

  public LabelRequirement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    List<String> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    values = List.copyOf(sorted);
  }

  /** Whether these labels satisfy the requirement; an absent label satisfies only !=, notin, !. */
  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    boolean present = value != null || labels.containsKey(key);
    return switch (operator) {
      case IN, EQUALS, DOUBLE_EQUALS -> present && values.contains(value);
      case NOT_IN, NOT_EQUALS -> !present || !values.contains(value);
      case EXISTS -> present;
      case DOES_NOT_EXIST -> !present;
      case GREATER_THAN, LESS_THAN -> present && compares(value);
    };
  }

  private boolean compares(String labelValue) {
    if (values.size() != 1) {
      return false;
    }
    Long actual = parseInt64(labelValue);
    Long bound = parseInt64(values.get(0));
    if (actual == null || bound == null) {
      return false;
    }
    return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
  }

  /** Go's strconv.ParseInt(s, 10, 64): ASCII digits with an optional sign, else null. */
  static Long parseInt64(String s) {
    if (s == null || !s.matches("[+-]?[0-9]+")) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Upstream's form: "k=v", "k!=v", "k in (a,b)", "k notin (a)", "k", "!k", "k>1", "k<1". */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (operator == Operator.DOES_NOT_EXIST) {
      sb.append('!');
    }
    sb.append(key);
    switch (operator) {
      case EXISTS, DOES_NOT_EXIST -> {
        return sb.toString();
      }
      case IN -> sb.append(" in (");
      case NOT_IN -> sb.append(" notin (");
      case GREATER_THAN -> sb.append('>');
      case LESS_THAN -> sb.append('<');
      default -> sb.append(operator.upstreamName());
    }
    sb.append(String.join(",", values));
    if (operator == Operator.IN || operator == Operator.NOT_IN) {
      sb.append(')');
    }
    return sb.toString();
  }
}
