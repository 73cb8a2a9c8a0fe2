package io.minik8s.api.selector;

import java.util.ArrayList;
import java.util.List;

/** Upstream's NewRequirement checks, as field errors under the paths "key" and "values". */
final class RequirementRules {
  private RequirementRules() {}

  static List<String> errors(String key, Operator operator, List<String> values) {
    List<String> errors = new ArrayList<>();
    List<String> keyErrors = LabelValidation.labelKeyErrors(key);
    if (!keyErrors.isEmpty()) {
      errors.add(FieldErrors.invalid("key", key, String.join("; ", keyErrors)));
    }
    switch (operator) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          errors.add(
              FieldErrors.invalid(
                  "values", values, "for 'in', 'notin' operators, values set can't be empty"));
        }
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
        if (values.size() != 1) {
          errors.add(
              FieldErrors.invalid(
                  "values", values, "exact-match compatibility requires one single value"));
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          errors.add(
              FieldErrors.invalid(
                  "values", values, "values set must be empty for exists and does not exist"));
        }
      }
      case GREATER_THAN, LESS_THAN -> {
        if (values.size() != 1) {
          errors.add(
              FieldErrors.invalid(
                  "values", values, "for 'Gt', 'Lt' operators, exactly one value is required"));
        }
        for (int i = 0; i < values.size(); i++) {
          if (LabelRequirement.parseInt64(values.get(i)) == null) {
            errors.add(
                FieldErrors.invalid(
                    "values[" + i + "]",
                    values.get(i),
                    "for 'Gt', 'Lt' operators, the value must be an integer"));
          }
        }
      }
    }
    for (int i = 0; i < values.size(); i++) {
      List<String> valueErrors = LabelValidation.labelValueErrors(values.get(i));
      if (!valueErrors.isEmpty()) {
        errors.add(
            FieldErrors.invalid(
                "values[" + i + "][" + key + "]", values.get(i), String.join("; ", valueErrors)));
      }
    }
    return errors;
  }
}
