package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;
import static io.minik8s.apiserver.validation.FieldChecks.list;
import static io.minik8s.apiserver.validation.FieldChecks.str;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Upstream's rules for nodes' taints and pods' tolerations. */
public final class TaintValidation {
  static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
  private static final List<String> OPERATORS = List.of("Equal", "Exists");

  private TaintValidation() {}

  /** Pod tolerations at {@code path} ("spec.tolerations"). */
  public static List<FieldError> validateTolerations(List<Toleration> tolerations, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<Toleration> all = list(tolerations);
    for (int i = 0; i < all.size(); i++) {
      Toleration t = all.get(i);
      String idx = index(path, i);
      String key = str(t.getKey());
      String operator = str(t.getOperator());
      String value = str(t.getValue());
      String effect = str(t.getEffect());
      if (!key.isEmpty()) {
        errs.addAll(FieldChecks.qualifiedName(key, idx + ".key"));
      }
      if (key.isEmpty() && !operator.equals("Exists")) {
        errs.add(
            FieldError.invalid(
                idx + ".operator",
                operator,
                "operator must be Exists when `key` is empty, which means \"match all values and"
                    + " all keys\""));
      }
      if (t.getTolerationSeconds() != null && !effect.equals("NoExecute")) {
        errs.add(
            FieldError.invalid(
                idx + ".effect",
                effect,
                "effect must be 'NoExecute' when `tolerationSeconds` is set"));
      }
      switch (operator) {
        case "", "Equal" -> {
          List<String> msgs = NameValidation.isValidLabelValue(value);
          if (!msgs.isEmpty()) {
            errs.add(FieldError.invalid(idx + ".operator", value, String.join(";", msgs)));
          }
        }
        case "Exists" -> {
          if (!value.isEmpty()) {
            errs.add(
                FieldError.invalid(
                    idx + ".operator", t, "value must be empty when `operator` is 'Exists'"));
          }
        }
        default -> errs.add(FieldError.notSupported(idx + ".operator", operator, OPERATORS));
      }
      if (!effect.isEmpty()) {
        errs.addAll(effect(effect, idx + ".effect"));
      }
    }
    return errs;
  }

  /** Node taints at {@code path} ("spec.taints"): unique by key and effect. */
  public static List<FieldError> validateTaints(List<Taint> taints, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Taint> all = list(taints);
    for (int i = 0; i < all.size(); i++) {
      Taint t = all.get(i);
      String idx = index(path, i);
      errs.addAll(FieldChecks.qualifiedName(str(t.getKey()), idx + ".key"));
      errs.addAll(
          FieldChecks.each(idx + ".value", str(t.getValue()), NameValidation::isValidLabelValue));
      if (isEmpty(t.getEffect())) {
        errs.add(FieldError.required(idx + ".effect", ""));
      } else {
        errs.addAll(effect(t.getEffect(), idx + ".effect"));
      }
      if (!seen.add(str(t.getKey()) + "\u0000" + str(t.getEffect()))) {
        errs.add(
            new FieldError(
                FieldError.Type.DUPLICATE, idx, t, "taints must be unique by key and effect pair"));
      }
    }
    return errs;
  }

  private static List<FieldError> effect(String effect, String path) {
    if (EFFECTS.contains(effect)) {
      return List.of();
    }
    return List.of(FieldError.notSupported(path, effect, EFFECTS));
  }
}
