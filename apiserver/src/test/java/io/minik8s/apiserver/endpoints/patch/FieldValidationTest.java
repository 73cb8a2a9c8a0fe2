package io.minik8s.apiserver.endpoints.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.api.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldValidationTest {
  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "Strict, STRICT", "Warn, WARN", "Ignore, IGNORE", "'', WARN", "null, WARN"})
  void parsesUpstreamValuesWithWarnAsTheServerDefault(String value, FieldValidation expected) {
    assertThat(FieldValidation.parse(value, "PatchOptions")).isEqualTo(expected);
  }

  @Test
  void anUnknownValueIsInvalidOptions() {
    assertThatThrownBy(() -> FieldValidation.parse("strict", "CreateOptions"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).isEqualTo("CreateOptions.meta.k8s.io \"\" is invalid: "
              + "fieldValidation: Unsupported value: \"strict\": supported values: \"\", "
              + "\"Ignore\", \"Strict\", \"Warn\"");
        });
  }

  @Test
  void strictThrowsWarnRecordsIgnoreDoesNothing() {
    List<String> errors = List.of("unknown field \"spec.foo\"", "duplicate field \"spec.a\"");
    assertThatThrownBy(() -> FieldValidation.STRICT.handle(errors, new Warnings(),
        ApiException::badRequest))
        .hasMessage(
            "strict decoding error: unknown field \"spec.foo\", duplicate field \"spec.a\"");
    Warnings warnings = new Warnings();
    FieldValidation.WARN.handle(errors, warnings, ApiException::badRequest);
    assertThat(warnings.headers()).containsEntry("Warning",
        "299 - \"unknown field \\\"spec.foo\\\"\", 299 - \"duplicate field \\\"spec.a\\\"\"");
    Warnings none = new Warnings();
    FieldValidation.IGNORE.handle(errors, none, ApiException::badRequest);
    assertThat(none.headers()).isEmpty();
  }
}
