package io.minik8s.apiserver.endpoints.patch;

import io.minik8s.api.ApiException;
import io.minik8s.apiserver.registry.Invalids;
import io.minik8s.apiserver.validation.FieldError;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code fieldValidation} directive of create, update and patch: what to do with unknown and
 * duplicate fields in a request body. Unknown fields are dropped in every mode, never stored.
 */
public enum FieldValidation {
  /** Reject the request (kubectl's default). */
  STRICT,
  /** Accept it and warn (the server's default when the parameter is absent). */
  WARN,
  /** Accept it silently. */
  IGNORE;

  /**
   * The directive of the {@code fieldValidation} query parameter; an unknown value is upstream's
   * 422 on the request's options kind.
   *
   * @param optionsKind CreateOptions, UpdateOptions or PatchOptions
   */
  public static FieldValidation parse(String value, String optionsKind) {
    if (value == null || value.isEmpty()) {
      return WARN;
    }
    return switch (value) {
      case "Strict" -> STRICT;
      case "Warn" -> WARN;
      case "Ignore" -> IGNORE;
      default -> throw Invalids.of("meta.k8s.io", optionsKind, "", List.of(
          FieldError.notSupported("fieldValidation", value,
              List.of("", "Ignore", "Strict", "Warn"))));
    };
  }

  /**
   * Applies the directive to the strict decoding errors of a request: with STRICT, throws what
   * {@code failure} builds from upstream's "strict decoding error: ..." text; with WARN, records
   * each as a warning.
   */
  public void handle(
      List<String> errors, Warnings warnings, Function<String, ApiException> failure) {
    if (errors.isEmpty()) {
      return;
    }
    switch (this) {
      case STRICT -> throw failure.apply("strict decoding error: " + String.join(", ", errors));
      case WARN -> warnings.addAll(errors);
      case IGNORE -> { }
    }
  }
}
