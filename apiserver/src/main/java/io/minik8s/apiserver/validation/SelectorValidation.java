package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.list;
import static io.minik8s.apiserver.validation.FieldChecks.map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Upstream's metav1.LabelSelector validation, and the matching that template checks need. */
public final class SelectorValidation {
  private SelectorValidation() {}

  /** Validates a selector at {@code path} ("spec.selector"); null is valid. */
  public static List<FieldError> validate(LabelSelector selector, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (selector == null) {
      return errs;
    }
    errs.addAll(
        ObjectMetaValidation.validateLabels(selector.getMatchLabels(), path + ".matchLabels"));
    List<LabelSelectorRequirement> exprs = list(selector.getMatchExpressions());
    for (int i = 0; i < exprs.size(); i++) {
      errs.addAll(requirement(exprs.get(i), index(path + ".matchExpressions", i)));
    }
    return errs;
  }

  /** Whether the selector selects nothing in particular (no labels, no expressions). */
  public static boolean isEmpty(LabelSelector selector) {
    return selector == null
        || map(selector.getMatchLabels()).isEmpty()
            && list(selector.getMatchExpressions()).isEmpty();
  }

  /** Whether {@code labels} satisfy the selector; an empty selector matches everything. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    Map<String, String> have = map(labels);
    for (Map.Entry<String, String> e : map(selector.getMatchLabels()).entrySet()) {
      if (!have.containsKey(e.getKey()) || !have.get(e.getKey()).equals(e.getValue())) {
        return false;
      }
    }
    for (LabelSelectorRequirement r : list(selector.getMatchExpressions())) {
      String value = have.get(r.getKey());
      List<String> values = list(r.getValues());
      boolean ok =
          switch (FieldChecks.str(r.getOperator())) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether a set-based selector (a map, as ReplicationControllers and Services have) matches. */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    Map<String, String> have = map(labels);
    return map(selector).entrySet().stream()
        .allMatch(e -> e.getValue().equals(have.get(e.getKey())));
  }

  private static List<FieldError> requirement(LabelSelectorRequirement r, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<String> values = list(r.getValues());
    String operator = FieldChecks.str(r.getOperator());
    switch (operator) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          errs.add(
              FieldError.required(
                  path + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          errs.add(
              FieldError.forbidden(
                  path + ".values",
                  "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
      }
      default ->
          errs.add(
              FieldError.invalid(path + ".operator", operator, "not a valid selector operator"));
    }
    errs.addAll(FieldChecks.qualifiedName(FieldChecks.str(r.getKey()), path + ".key"));
    for (int i = 0; i < values.size(); i++) {
      errs.addAll(
          FieldChecks.each(
              index(path + ".values", i), values.get(i), NameValidation::isValidLabelValue));
    }
    return errs;
  }
}
