package io.minik8s.api.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.minik8s.api.Serialization;
import io.minik8s.api.quantity.ResourceQuantity.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arithmetic, comparison, rounding and conversions, as upstream's Quantity methods. */
class ResourceQuantityArithmeticTest {

  private static ResourceQuantity q(String s) {
    return ResourceQuantity.parse(s);
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
    "100m, 0, 100m",
    "0, 100m, 100m",
    "0, 1Gi, 1Gi",
    "1Gi, 0, 1Gi",
    "1Gi, 512Mi, 1536Mi",
    "1, 500m, 1500m",
    "1k, -1k, 0",
    "9Ei, 9Ei, 18446744073709551614",
  })
  void addsExactlyAndTakesTheFormatOfTheRightOperandWhenTheLeftIsZero(
      String left, String right, String sum) {
    assertThat(q(left).add(q(right)).toString()).isEqualTo(sum);
  }

  @ParameterizedTest(name = "{0} - {1} = {2}")
  @CsvSource({
    "100m, 0, 100m",
    "0, 100m, -100m",
    "0, 1Gi, -1Gi",
    "1Gi, 1Gi, 0",
    "2, 500m, 1500m",
    "2Gi, 512Mi, 1536Mi",
  })
  void subtractsExactly(String left, String right, String difference) {
    assertThat(q(left).subtract(q(right)).toString()).isEqualTo(difference);
  }

  @ParameterizedTest(name = "{0} * {1} = {2}")
  @CsvSource({
    "100m, 3, 300m",
    "1Ei, 1024, 1180591620717411303424",
    "1Gi, 0, 0",
    "1.5, -2, -3",
  })
  void multipliesByAnInteger(String quantity, long factor, String product) {
    assertThat(q(quantity).multiply(factor).toString()).isEqualTo(product);
  }

  @Test
  void negatesKeepingTheFormat() {
    assertThat(q("9.01").negate().toString()).isEqualTo("-9010m");
    assertThat(q("1Gi").negate().toString()).isEqualTo("-1Gi");
    assertThat(q("1Gi").negate().negate()).isEqualTo(q("1Gi"));
  }

  @ParameterizedTest(name = "{0} compared to {1} is {2}")
  @CsvSource({
    "0, 0, 0",
    "100m, 50m, 1",
    "50m, 100m, -1",
    "10000T, 100Gi, 1",
    "1Gi, 1073741824, 0",
    "1000m, 1, 0",
    "-1, 1n, -1",
  })
  void comparesByAmount(String left, String right, int expected) {
    assertThat(Integer.signum(q(left).compareTo(q(right)))).isEqualTo(expected);
    assertThat(Integer.signum(q(right).compareTo(q(left)))).isEqualTo(-expected);
    assertThat(q(left).equals(q(right))).isEqualTo(expected == 0);
  }

  @Test
  void equalAmountsInDifferentFormatsAreEqualAndHashAlike() {
    assertThat(q("1Gi")).isEqualTo(q("1073741824")).hasSameHashCodeAs(q("1073741824"));
    assertThat(q("1000m")).isEqualTo(q("1")).hasSameHashCodeAs(q("1.000"));
  }

  @ParameterizedTest(name = "{0} is {1} units and {2} millis")
  @CsvSource({
    "1, 1, 1000",
    "100m, 1, 100",
    "1.5, 2, 1500",
    "0.5m, 1, 1",
    "1n, 1, 1",
    "0, 0, 0",
    "-1.5, -2, -1500",
    "1Gi, 1073741824, 1073741824000",
    "10E, 9223372036854775807, 9223372036854775807",
    "-10E, -9223372036854775808, -9223372036854775808",
  })
  void valuesRoundAwayFromZeroAsUpstreamsValueAndMilliValue(
      String quantity, long value, long milli) {
    assertThat(q(quantity).value()).isEqualTo(value);
    assertThat(q(quantity).milliValue()).isEqualTo(milli);
  }

  @ParameterizedTest(name = "{0} rounded up to 10^{1} is {2}")
  @CsvSource({
    "9.01, -3, 9010m",
    "9.01, -2, 9010m",
    "9.01, -1, 9100m",
    "9.01, 0, 10",
    "9.01, 1, 10",
    "9.01, 2, 100",
    "-9.01, -1, -9100m",
    "-9.01, 0, -10",
    "1n, -3, 1m",
    "100m, -3, 100m",
  })
  void roundsUpAwayFromZeroAsUpstreamsRoundUp(String quantity, int scale, String rounded) {
    assertThat(q(quantity).roundUp(scale).toString()).isEqualTo(rounded);
  }

  @Test
  void buildsFromIntegersAsUpstreamsConstructors() {
    assertThat(ResourceQuantity.of(1024 * 1024, Format.BINARY_SI).toString()).isEqualTo("1Mi");
    assertThat(ResourceQuantity.ofMilli(1500, Format.DECIMAL_SI).toString()).isEqualTo("1500m");
    assertThat(ResourceQuantity.ofScaled(5, 6).toString()).isEqualTo("5M");
    assertThat(ResourceQuantity.ZERO.isZero()).isTrue();
  }

  @ParameterizedTest(name = "fabric8 {0} converts to {1}")
  @CsvSource({"500m, 500m", "0.5, 500m", "1.5Gi, 1536Mi", "1e3, 1e3", "2, 2"})
  void convertsFromAndToFabric8Quantities(String fabric8, String canonical) throws Exception {
    ResourceQuantity quantity = ResourceQuantity.fromFabric8(new Quantity(fabric8));

    assertThat(quantity.toString()).isEqualTo(canonical);
    assertThat(quantity.toFabric8().toString()).isEqualTo(canonical);
    assertThat(Serialization.json().writeValueAsString(quantity.toFabric8()))
        .isEqualTo("\"" + canonical + "\"");
    assertThat(ResourceQuantity.fromFabric8(quantity.toFabric8())).isEqualTo(quantity);
  }

  @Test
  void namesFormatsAsUpstream() {
    assertThat(Format.DECIMAL_SI.upstreamName()).isEqualTo("DecimalSI");
    assertThat(Format.BINARY_SI.upstreamName()).isEqualTo("BinarySI");
    assertThat(Format.DECIMAL_EXPONENT.upstreamName()).isEqualTo("DecimalExponent");
  }
}
