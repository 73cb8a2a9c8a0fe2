package io.minik8s.apiserver.registry.service.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangeTest {

  @ParameterizedTest
  @CsvSource({
    "30000-32767, 30000, 2768, 30000-32767, 86",
    "30000+2767, 30000, 2768, 30000-32767, 86",
    "8080, 8080, 1, 8080-8080, 0",
    "20000-21000, 20000, 1001, 20000-21000, 31"
  })
  void parsesUpstreamsForms(String spec, int base, int size, String canonical, int reserved) {
    PortRange range = PortRange.parse(spec);

    assertThat(range.base()).isEqualTo(base);
    assertThat(range.size()).isEqualTo(size);
    assertThat(range).hasToString(canonical);
    assertThat(range.reservedForStatic()).isEqualTo(reserved);
  }

  @ParameterizedTest
  @ValueSource(strings = {"32767-30000", "a-b", "65000-70000", ""})
  void rejectsMalformedRanges(String spec) {
    assertThatThrownBy(() -> PortRange.parse(spec)).isInstanceOf(IllegalArgumentException.class);
  }
}
