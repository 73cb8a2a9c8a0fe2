package io.minik8s.api.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.api.quantity.ResourceQuantity.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing and printing, with the expectations of upstream's quantity_test.go. */
class ResourceQuantityParseTest {
  private static final String FORMAT_ERROR =
      "quantities must match the regular expression"
          + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  private static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

  @ParameterizedTest(name = "{0} prints as {1} in {2}")
  @CsvSource({
    // zero in every suffix prints as plain 0 and keeps its format
    "0, 0, DECIMAL_SI",
    "0n, 0, DECIMAL_SI",
    "0m, 0, DECIMAL_SI",
    "0k, 0, DECIMAL_SI",
    "0T, 0, DECIMAL_SI",
    "0Ki, 0, BINARY_SI",
    "0Gi, 0, BINARY_SI",
    "00, 0, DECIMAL_SI",
    "1, 1, DECIMAL_SI",
    // binary suffixes
    "1Ki, 1Ki, BINARY_SI",
    "8Ki, 8Ki, BINARY_SI",
    "7Mi, 7Mi, BINARY_SI",
    "6Gi, 6Gi, BINARY_SI",
    "5Ti, 5Ti, BINARY_SI",
    "4Pi, 4Pi, BINARY_SI",
    "3Ei, 3Ei, BINARY_SI",
    "100Ti, 100Ti, BINARY_SI",
    "1024Mi, 1Gi, BINARY_SI",
    "1.5Gi, 1536Mi, BINARY_SI",
    "0.5Mi, 512Ki, BINARY_SI",
    "1536, 1536, DECIMAL_SI",
    // decimal suffixes
    "5n, 5n, DECIMAL_SI",
    "4u, 4u, DECIMAL_SI",
    "3m, 3m, DECIMAL_SI",
    "100m, 100m, DECIMAL_SI",
    "1000m, 1, DECIMAL_SI",
    "8k, 8k, DECIMAL_SI",
    "50k, 50k, DECIMAL_SI",
    "7M, 7M, DECIMAL_SI",
    "1G, 1G, DECIMAL_SI",
    "1000M, 1G, DECIMAL_SI",
    "40T, 40T, DECIMAL_SI",
    "300T, 300T, DECIMAL_SI",
    "2P, 2P, DECIMAL_SI",
    "1E, 1E, DECIMAL_SI",
    "12E, 12E, DECIMAL_SI",
    "1000E, 1e21, DECIMAL_SI",
    // decimal exponents keep exponent notation, in multiples of three
    "1E-3, 1e-3, DECIMAL_EXPONENT",
    "1e3, 1e3, DECIMAL_EXPONENT",
    "1E6, 1e6, DECIMAL_EXPONENT",
    "1e13, 10e12, DECIMAL_EXPONENT",
    "1e14, 100e12, DECIMAL_EXPONENT",
    "129e6, 129e6, DECIMAL_EXPONENT",
    "1.2e3, 1200, DECIMAL_EXPONENT",
    "1.3E+6, 1300e3, DECIMAL_EXPONENT",
    "1.53E12, 1530e9, DECIMAL_EXPONENT",
    "0.5e0, 500e-3, DECIMAL_EXPONENT",
    "0.5e-2, 5e-3, DECIMAL_EXPONENT",
    // things that look like floating point
    "0.5, 500m, DECIMAL_SI",
    ".5, 500m, DECIMAL_SI",
    "0.1, 100m, DECIMAL_SI",
    "0.001, 1m, DECIMAL_SI",
    "0.0005k, 500m, DECIMAL_SI",
    "0.05000, 50m, DECIMAL_SI",
    "100.035k, 100035, DECIMAL_SI",
    "10.035M, 10035k, DECIMAL_SI",
    "9.01, 9010m, DECIMAL_SI",
    "8.1k, 8100, DECIMAL_SI",
    "6.987654321G, 6987654321, DECIMAL_SI",
    "5.444T, 5444G, DECIMAL_SI",
    "2.5P, 2500T, DECIMAL_SI",
    "1.01E, 1010P, DECIMAL_SI",
    // amounts finer than a nano round up; binary amounts cap at 2^63-1
    "3.001n, 4n, DECIMAL_SI",
    "1.1E-9, 2e-9, DECIMAL_EXPONENT",
    "0.0000000001, 1n, DECIMAL_SI",
    "0.5e-9, 1e-9, DECIMAL_EXPONENT",
    "0.00000012345, 124n, DECIMAL_SI",
    "9Ei, 9223372036854775807, BINARY_SI",
    "9223372036854775807Ki, 9223372036854775807, BINARY_SI",
    // fractional binary amounts print decimally; below one the format itself turns decimal
    "100.035Ki, 102435840m, BINARY_SI",
    "0.05Gi, 53687091200m, BINARY_SI",
    ".001Ki, 1024m, BINARY_SI",
    ".000001Ki, 1024u, DECIMAL_SI",
    ".000000000001Ki, 2n, DECIMAL_SI",
    // signs, and things written by trolls
    "+1k, 1k, DECIMAL_SI",
    "-1Gi, -1Gi, BINARY_SI",
    "-9.01, -9010m, DECIMAL_SI",
    "-.001Ki, -1024m, BINARY_SI",
    ".0001k, 100m, DECIMAL_SI",
    "1., 1, DECIMAL_SI",
    "1.G, 1G, DECIMAL_SI",
    "., 0, DECIMAL_SI",
  })
  void parsesAndPrintsTheCanonicalFormAsUpstream(String input, String canonical, Format format) {
    ResourceQuantity quantity = ResourceQuantity.parse(input);

    assertThat(quantity.toString()).isEqualTo(canonical);
    assertThat(quantity.format()).isEqualTo(format);
    assertThat(ResourceQuantity.parse(canonical)).isEqualTo(quantity);
  }

  @ParameterizedTest(name = "{0} is rejected: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''| " + FORMAT_ERROR,
        "1.1.M| " + FORMAT_ERROR,
        "1+1.0M| " + FORMAT_ERROR,
        "0.1am| " + FORMAT_ERROR,
        "aoeu| " + FORMAT_ERROR,
        "Non-Numeric| " + FORMAT_ERROR,
        "' 1'| " + FORMAT_ERROR,
        "'1 '| " + FORMAT_ERROR,
        "0.1mi| " + SUFFIX_ERROR,
        ".5i| " + SUFFIX_ERROR,
        "1i| " + SUFFIX_ERROR,
        "-3.01i| " + SUFFIX_ERROR,
        "-3.01e-| " + SUFFIX_ERROR,
        "1e| " + SUFFIX_ERROR,
        "1e4294967297| " + SUFFIX_ERROR,
        ".e-12| unable to parse numeric part of quantity",
      })
  void rejectsWhatUpstreamRejectsWithItsMessage(String input, String message) {
    assertThatThrownBy(() -> ResourceQuantity.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0} * 10^{1} in {2} prints as {3}")
  @CsvSource({
    "1073741824, 0, BINARY_SI, 1Gi",
    "314572800, 0, BINARY_SI, 300Mi",
    "1074815565824, 0, BINARY_SI, 1001Gi",
    "5, 0, BINARY_SI, 5",
    "500, -3, BINARY_SI, 500m",
    "1025, 0, BINARY_SI, 1025",
    "2000, 0, BINARY_SI, 2000",
    "-2000, 0, BINARY_SI, -2000",
    "1234567, -3, BINARY_SI, 1234567m",
    "1, 70, BINARY_SI, 10e69",
    "2, 70, BINARY_SI, 20e69",
    "1, 72, BINARY_SI, 1e72",
    "1000, 6, DECIMAL_SI, 1G",
    "1000000000, 0, DECIMAL_SI, 1G",
    "108, -2, DECIMAL_SI, 1080m",
    "10800, -4, DECIMAL_SI, 1080m",
    "1234567, 6, DECIMAL_SI, 1234567M",
    "5, 21, DECIMAL_SI, 5e21",
    "1, 24, DECIMAL_SI, 1e24",
    "108, -8, DECIMAL_SI, 1080n",
    "1080, -6, DECIMAL_SI, 1080u",
    "1, -12, DECIMAL_SI, 1e-12",
    "1, -10, DECIMAL_SI, 100e-12",
    "0, 0, DECIMAL_EXPONENT, 0",
    "1, 9, DECIMAL_EXPONENT, 1e9",
    "80, -3, DECIMAL_EXPONENT, 80e-3",
    "300, 6, DECIMAL_EXPONENT, 300e6",
    "3, 3, DECIMAL_EXPONENT, 3e3",
  })
  void printsConstructedValuesAsUpstreamsQuantityString(
      long value, int scale, Format format, String expected) {
    ResourceQuantity quantity =
        new ResourceQuantity(java.math.BigDecimal.valueOf(value, -scale), format);

    assertThat(quantity.toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is written back as {1}")
  @CsvSource({
    // upstream reuses an input already in canonical shape ...
    "1Gi, 1Gi",
    "1001Gi, 1001Gi",
    "500m, 500m",
    "1e21, 1e21",
    "80e-3, 80e-3",
    "0, 0",
    // ... including a few shapes that are not canonical
    "+1k, +1k",
    "1.100k, 1.100k",
    // ... and prints everything else canonically
    "1024Mi, 1Gi",
    "8Ki, 8Ki",
    "307200Ki, 300Mi",
    "5000m, 5",
    "0.5, 500m",
    "0.001T, 1G",
    "1080000000n, 1080m",
    "5000E, 5e21",
    ".001e12, 1e9",
    "1000e-12, 1e-9",
    "00, 0",
    // JSON decoding trims surrounding space first
    "' 1 ', 1",
    "' 0.5 ', 500m",
  })
  void writesBackWhatUpstreamWritesAfterDecoding(String input, String written) {
    assertThat(ResourceQuantity.serializedForm(input)).isEqualTo(written);
  }
}
