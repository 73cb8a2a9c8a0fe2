package io.minik8s.apiserver.validation;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import java.util.ArrayList;
import java.util.List;

/** Upstream's Deployment strategy rules, and its int-or-percent checks (shared with PDBs). */
public final class DeploymentStrategyValidation {
  private static final List<String> TYPES = List.of("Recreate", "RollingUpdate");

  private DeploymentStrategyValidation() {}

  /**
   * A strategy at {@code path}: Recreate has no rollingUpdate; RollingUpdate's maxUnavailable and
   * maxSurge are non-negative ints or percents, not both zero, maxUnavailable at most 100%. An
   * absent type passes (defaulting makes it RollingUpdate with 25%/25%).
   */
  public static List<FieldError> validate(DeploymentStrategy strategy, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (strategy == null || FieldChecks.isEmpty(strategy.getType())) {
      return errs;
    }
    switch (strategy.getType()) {
      case "Recreate" -> {
        if (strategy.getRollingUpdate() != null) {
          errs.add(
              FieldError.forbidden(
                  path + ".rollingUpdate",
                  "may not be specified when strategy `type` is 'Recreate'"));
        }
      }
      case "RollingUpdate" -> {
        if (strategy.getRollingUpdate() != null) {
          errs.addAll(rollingUpdate(strategy.getRollingUpdate(), path + ".rollingUpdate"));
        }
      }
      default -> errs.add(FieldError.notSupported(path, strategy, TYPES));
    }
    return errs;
  }

  private static List<FieldError> rollingUpdate(RollingUpdateDeployment r, String path) {
    List<FieldError> errs = new ArrayList<>();
    String unavailablePath = path + ".maxUnavailable";
    errs.addAll(positiveIntOrPercent(r.getMaxUnavailable(), unavailablePath));
    errs.addAll(positiveIntOrPercent(r.getMaxSurge(), path + ".maxSurge"));
    // an absent value is defaulted to 25%, so only explicit zeros can collide
    if (r.getMaxUnavailable() != null
        && r.getMaxSurge() != null
        && intOrPercentValue(r.getMaxUnavailable()) == 0
        && intOrPercentValue(r.getMaxSurge()) == 0) {
      errs.add(
          FieldError.invalid(
              unavailablePath, r.getMaxUnavailable(), "may not be 0 when `maxSurge` is 0"));
    }
    errs.addAll(notMoreThan100Percent(r.getMaxUnavailable(), unavailablePath));
    return errs;
  }

  /** Upstream's ValidatePositiveIntOrPercent: a non-negative int or a valid "N%". */
  public static List<FieldError> positiveIntOrPercent(IntOrString value, String path) {
    if (value == null) {
      return List.of();
    }
    if (value.getStrVal() != null) {
      List<FieldError> errs = new ArrayList<>();
      for (String msg : NameValidation.isValidPercent(value.getStrVal())) {
        errs.add(FieldError.invalid(path, value, msg));
      }
      return errs;
    }
    if (value.getIntVal() != null) {
      return FieldChecks.nonNegative(value.getIntVal(), path);
    }
    return List.of(FieldError.invalid(path, value, "must be an integer or percentage (e.g '5%')"));
  }

  /** Upstream's IsNotMoreThan100Percent. */
  public static List<FieldError> notMoreThan100Percent(IntOrString value, String path) {
    Integer percent = percentValue(value);
    if (percent == null || percent <= 100) {
      return List.of();
    }
    return List.of(FieldError.invalid(path, value, "must not be greater than 100%"));
  }

  private static int intOrPercentValue(IntOrString value) {
    Integer percent = percentValue(value);
    if (percent != null) {
      return percent;
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    try {
      return Integer.parseInt(value.getStrVal());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Integer percentValue(IntOrString value) {
    if (value == null
        || value.getStrVal() == null
        || !NameValidation.isValidPercent(value.getStrVal()).isEmpty()) {
      return null;
    }
    String digits = value.getStrVal().substring(0, value.getStrVal().length() - 1);
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
