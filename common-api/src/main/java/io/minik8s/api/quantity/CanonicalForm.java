package io.minik8s.api.quantity;

import io.minik8s.api.quantity.ResourceQuantity.Format;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Upstream's CanonicalizeBytes: the number and suffix a quantity prints as. Decimal forms move
 * every factor of ten into an exponent that is a multiple of three; binary forms move factors of
 * 1024 into the suffix and fall back to decimal for small or fractional amounts. Exponents beyond
 * the suffix tables print in exponent notation rather than losing magnitude.
 */
final class CanonicalForm {
  private static final BigInteger K1024 = BigInteger.valueOf(1024);
  private static final BigDecimal D1024 = BigDecimal.valueOf(1024);

  private CanonicalForm() {}

  /** {number, suffix}. */
  static String[] of(ResourceQuantity quantity) {
    BigDecimal amount = quantity.amount();
    if (amount.signum() == 0) {
      return new String[] {"0", ""};
    }
    Format format = quantity.format();
    if (format == Format.BINARY_SI) {
      // small amounts and fractions would round in base 1024, so upstream prints them decimally
      if (amount.abs().compareTo(D1024) < 0 || amount.scale() > 0) {
        format = Format.DECIMAL_SI;
      } else {
        String[] binary = binary(amount.toBigIntegerExact());
        if (binary != null) {
          return binary;
        }
        format = Format.DECIMAL_EXPONENT;
      }
    }
    return decimal(amount, format);
  }

  private static String[] binary(BigInteger value) {
    int power = 0;
    BigInteger[] divided = value.divideAndRemainder(K1024);
    while (value.abs().compareTo(K1024) >= 0 && divided[1].signum() == 0) {
      value = divided[0];
      power++;
      divided = value.divideAndRemainder(K1024);
    }
    String suffix = Suffixes.binarySuffix(power);
    return suffix == null ? null : new String[] {value.toString(), suffix};
  }

  private static String[] decimal(BigDecimal amount, Format format) {
    BigInteger mantissa = amount.unscaledValue();
    long exponent = -(long) amount.scale();
    int shift = (int) Math.floorMod(exponent, 3L);
    if (shift != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN.pow(shift));
      exponent -= shift;
    }
    String suffix = format == Format.DECIMAL_SI ? Suffixes.decimalSuffix(exponent) : null;
    if (suffix == null) {
      suffix = exponent == 0 ? "" : "e" + exponent;
    }
    return new String[] {mantissa.toString(), suffix};
  }
}
