package io.minik8s.apiserver.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Field-level forms of the {@link NameValidation} checks, and the null-tolerant accessors every
 * validator uses on fabric8's model (whose collections may be null).
 */
final class FieldChecks {
  static final String IMMUTABLE = "field is immutable";
  static final String NEGATIVE = "must be greater than or equal to 0";

  private FieldChecks() {}

  /** One Invalid per message of {@code check} on {@code value}. */
  static List<FieldError> each(String path, String value, Function<String, List<String>> check) {
    List<FieldError> errs = new ArrayList<>();
    for (String msg : check.apply(value)) {
      errs.add(FieldError.invalid(path, value, msg));
    }
    return errs;
  }

  static List<FieldError> dns1123Label(String value, String path) {
    return each(path, value, NameValidation::isDns1123Label);
  }

  static List<FieldError> dns1123Subdomain(String value, String path) {
    return each(path, value, NameValidation::isDns1123Subdomain);
  }

  static List<FieldError> qualifiedName(String value, String path) {
    return each(path, value, NameValidation::isQualifiedName);
  }

  /** Upstream's ValidateNonnegativeField. */
  static List<FieldError> nonNegative(Number value, String path) {
    if (value == null || value.longValue() >= 0) {
      return List.of();
    }
    return List.of(FieldError.invalid(path, value, NEGATIVE));
  }

  /** Upstream's ValidateImmutableField: the new value is reported. */
  static List<FieldError> immutable(Object newValue, Object oldValue, String path) {
    if (Objects.equals(newValue, oldValue)) {
      return List.of();
    }
    return List.of(FieldError.invalid(path, newValue, IMMUTABLE));
  }

  /** An enum-like string field; null or empty passes since defaulting fills it. */
  static List<FieldError> oneOf(String value, String path, List<String> supported) {
    if (isEmpty(value) || supported.contains(value)) {
      return List.of();
    }
    return List.of(FieldError.notSupported(path, value, supported));
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  static String key(String path, String key) {
    return path + "[" + key + "]";
  }

  static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  static String str(String s) {
    return s == null ? "" : s;
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  static boolean isEmpty(Collection<?> c) {
    return c == null || c.isEmpty();
  }

  static boolean isEmpty(Map<?, ?> m) {
    return m == null || m.isEmpty();
  }

  static int count(Object... values) {
    int n = 0;
    for (Object v : values) {
      if (v != null) {
        n++;
      }
    }
    return n;
  }
}
