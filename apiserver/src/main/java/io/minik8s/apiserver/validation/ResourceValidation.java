package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.key;
import static io.minik8s.apiserver.validation.FieldChecks.map;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Upstream's container resource rules: names, quantity values, and requests against limits. */
public final class ResourceValidation {
  private static final Set<String> STANDARD_CONTAINER_RESOURCES =
      Set.of("cpu", "memory", "ephemeral-storage");
  private static final String HUGEPAGES_PREFIX = "hugepages-";

  private ResourceValidation() {}

  /**
   * Validates a container's resources at {@code path} ("spec.containers[0].resources"): each name a
   * standard or extended resource, each quantity well formed and not negative, each request at most
   * its limit (equal to it for resources that cannot be overcommitted).
   */
  public static List<FieldError> validateRequirements(ResourceRequirements r, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (r == null) {
      return errs;
    }
    String limPath = path + ".limits";
    String reqPath = path + ".requests";
    Map<String, Quantity> limits = map(r.getLimits());
    Map<String, Optional<BigDecimal>> limitValues = new HashMap<>();
    limits.forEach(
        (name, q) -> {
          String fieldPath = key(limPath, name);
          errs.addAll(validateResourceName(name, fieldPath));
          Optional<BigDecimal> value = QuantitySyntax.parse(QuantitySyntax.text(q));
          limitValues.put(name, value);
          errs.addAll(validateQuantityValue(name, q, value, fieldPath));
        });
    map(r.getRequests())
        .forEach(
            (name, q) -> {
              String fieldPath = key(reqPath, name);
              errs.addAll(validateResourceName(name, fieldPath));
              Optional<BigDecimal> value = QuantitySyntax.parse(QuantitySyntax.text(q));
              errs.addAll(validateQuantityValue(name, q, value, fieldPath));
              if (limits.containsKey(name)) {
                Optional<BigDecimal> limit = limitValues.get(name);
                if (value.isEmpty() || limit.isEmpty()) {
                  return;
                }
                int cmp = value.get().compareTo(limit.get());
                String limitText = QuantitySyntax.text(limits.get(name));
                if (cmp != 0 && !overcommitAllowed(name)) {
                  errs.add(
                      FieldError.invalid(
                          reqPath,
                          QuantitySyntax.text(q),
                          "must be equal to " + name + " limit of " + limitText));
                } else if (cmp > 0) {
                  errs.add(
                      FieldError.invalid(
                          reqPath,
                          QuantitySyntax.text(q),
                          "must be less than or equal to " + name + " limit of " + limitText));
                }
              } else if (!overcommitAllowed(name)) {
                errs.add(
                    FieldError.required(
                        limPath, "Limit must be set for non overcommitable resources"));
              }
            });
    return errs;
  }

  /**
   * Syntax and sign of a quantity; extended resources must be whole numbers. Upstream rejects a
   * malformed quantity while decoding; fabric8 keeps any string, so it is reported here.
   */
  static List<FieldError> validateQuantityValue(
      String resource, Quantity q, Optional<BigDecimal> value, String path) {
    if (value.isEmpty()) {
      return List.of(FieldError.invalid(path, q, QuantitySyntax.REGEX_ERROR));
    }
    List<FieldError> errs = new ArrayList<>();
    if (value.get().signum() < 0) {
      errs.add(FieldError.invalid(path, q, FieldChecks.NEGATIVE));
    }
    if (isExtended(resource) && value.get().stripTrailingZeros().scale() > 0) {
      errs.add(FieldError.invalid(path, q, "must be an integer"));
    }
    return errs;
  }

  /** Checks a quantity string alone, e.g. an emptyDir's sizeLimit. */
  static List<FieldError> validateQuantity(Quantity q, String path) {
    if (q == null) {
      return List.of();
    }
    Optional<BigDecimal> value = QuantitySyntax.parse(QuantitySyntax.text(q));
    return validateQuantityValue("", q, value, path);
  }

  private static List<FieldError> validateResourceName(String name, String path) {
    List<FieldError> errs = new ArrayList<>(FieldChecks.qualifiedName(name, path));
    if (!errs.isEmpty()) {
      return errs;
    }
    if (!name.contains("/")) {
      if (!STANDARD_CONTAINER_RESOURCES.contains(name) && !name.startsWith(HUGEPAGES_PREFIX)) {
        errs.add(FieldError.invalid(path, name, "must be a standard resource for containers"));
      }
    } else if (!isNative(name) && name.startsWith("requests.")) {
      errs.add(FieldError.invalid(path, name, "doesn't follow extended resource name standard"));
    }
    return errs;
  }

  private static boolean isNative(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  private static boolean isExtended(String name) {
    return !isNative(name) && !name.startsWith("requests.");
  }

  private static boolean overcommitAllowed(String name) {
    return isNative(name) && !name.startsWith(HUGEPAGES_PREFIX);
  }
}
