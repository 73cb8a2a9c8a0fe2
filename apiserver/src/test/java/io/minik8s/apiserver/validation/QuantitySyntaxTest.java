package io.minik8s.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitySyntaxTest {

  @ParameterizedTest
  @CsvSource({
    "500m, 0.5",
    "1, 1",
    "1Ki, 1024",
    "1.5Gi, 1610612736",
    "2k, 2000",
    "1e3, 1000",
    "+.5, 0.5",
    "-1, -1",
    "100n, 0.0000001"
  })
  void parsesWhatUpstreamParses(String text, String value) {
    assertThat(QuantitySyntax.parse(text))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(value)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1.2.3", "1KB", "1iK", "1e", "5mm", "1 Gi", "."})
  void rejectsWhatUpstreamRejects(String text) {
    assertThat(QuantitySyntax.parse(text)).isEmpty();
  }
}
