package io.minik8s.api.quantity;

import io.minik8s.api.quantity.ResourceQuantity.Format;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Upstream's ParseQuantity: splits a string into sign, numerator, fraction and suffix, takes the
 * exact int64 path when the number is small enough (and then remembers whether upstream would reuse
 * the input string as its serialized form), and otherwise computes with big decimals, rounding
 * non-zero values up to the nearest nano.
 */
final class QuantityParser {
  static final String FORMAT_ERROR =
      "quantities must match the regular expression"
          + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  static final String NUMERIC_ERROR = "unable to parse numeric part of quantity";
  static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

  private static final String SUFFIX_LETTERS = "eEinumkKMGTP";
  private static final int MAX_INT64_DIGITS = 18;
  private static final int NANO = 9;
  private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);

  /** The parsed quantity and whether upstream keeps the input as its serialized string. */
  record Parsed(ResourceQuantity quantity, boolean keepsInput) {}

  private record Parts(boolean positive, String value, String num, String denom, String suffix) {}

  private record Suffix(int base, int exponent, Format format) {}

  private QuantityParser() {}

  static Parsed parse(String str) {
    if (str.isEmpty()) {
      throw new IllegalArgumentException(FORMAT_ERROR);
    }
    if (str.equals("0")) {
      return new Parsed(new ResourceQuantity(BigDecimal.ZERO, Format.DECIMAL_SI), true);
    }
    Parts parts = split(str);
    Suffix suffix = interpret(parts.suffix());
    if (suffix == null) {
      throw new IllegalArgumentException(SUFFIX_ERROR);
    }
    Parsed fast = fastPath(str, parts, suffix);
    return fast != null ? fast : new Parsed(slowPath(parts, suffix), false);
  }

  /** Upstream's int64 path; null when the number needs the big-decimal path. */
  private static Parsed fastPath(String str, Parts parts, Suffix suffix) {
    long precision;
    long scale;
    long mantissa = 1;
    int digits = parts.num().length();
    if (suffix.format() == Format.BINARY_SI) {
      scale = 0;
      if (suffix.exponent() < 0 || !parts.denom().isEmpty()) {
        return null;
      }
      mantissa = 1L << suffix.exponent();
      // 2^10 carries about 3 decimal digits: the same budget upstream allows
      precision = 15L - digits - suffix.exponent() * 3L / 10 - 1;
    } else {
      scale = suffix.exponent();
      precision = MAX_INT64_DIGITS - (long) digits - parts.denom().length();
    }
    if (precision < 0) {
      return null;
    }
    scale -= parts.denom().length();
    if (scale < -NANO) {
      return null;
    }
    String shifted = parts.num() + parts.denom();
    long value = Long.parseLong(shifted);
    long result;
    try {
      result = Math.multiplyExact(value, mantissa);
    } catch (ArithmeticException overflow) {
      return null;
    }
    boolean keepsInput =
        suffix.format() == Format.BINARY_SI
            ? suffix.exponent() % 10 == 0 && (value & 0x07) != 0
            : scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0';
    BigDecimal amount = BigDecimal.valueOf(parts.positive() ? result : -result, (int) -scale);
    return new Parsed(new ResourceQuantity(amount, suffix.format()), keepsInput);
  }

  private static ResourceQuantity slowPath(Parts parts, Suffix suffix) {
    BigDecimal literal;
    try {
      literal = new BigDecimal(parts.value());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(NUMERIC_ERROR, e);
    }
    BigInteger unscaled = literal.unscaledValue();
    long scale = literal.scale();
    if (suffix.base() == 10) {
      scale -= suffix.exponent();
    } else {
      unscaled = unscaled.shiftLeft(suffix.exponent());
    }
    BigDecimal amount = roundUpToNano(unscaled, scale);
    Format format = suffix.format();
    if (format == Format.BINARY_SI) {
      if (amount.abs().compareTo(MAX_BINARY) > 0) {
        amount = amount.signum() < 0 ? MAX_BINARY.negate() : MAX_BINARY;
      }
      if (amount.signum() != 0 && amount.abs().compareTo(BigDecimal.ONE) < 0) {
        // below one a binary suffix would only round, so upstream switches to decimal
        format = Format.DECIMAL_SI;
      }
    }
    return new ResourceQuantity(amount, format);
  }

  /**
   * Rounds a non-zero value away from zero to a multiple of 10^-9, as upstream does so that a
   * request for a tiny amount still gets some.
   */
  private static BigDecimal roundUpToNano(BigInteger unscaled, long scale) {
    if (unscaled.signum() == 0 || scale <= NANO) {
      return unscaled.signum() == 0 ? BigDecimal.ZERO : new BigDecimal(unscaled, (int) scale);
    }
    if (scale - NANO > unscaled.abs().toString().length()) {
      // far below a nano (and beyond BigDecimal's int scale): the smallest non-zero amount
      return BigDecimal.valueOf(unscaled.signum(), NANO);
    }
    return new BigDecimal(unscaled, (int) scale).setScale(NANO, RoundingMode.UP);
  }

  /** Upstream's parseQuantityString: every piece kept as the original text. */
  private static Parts split(String str) {
    int end = str.length();
    int pos = 0;
    boolean positive = true;
    if (str.charAt(0) == '-') {
      positive = false;
      pos++;
    } else if (str.charAt(0) == '+') {
      pos++;
    }
    while (pos < end && str.charAt(pos) == '0') {
      pos++;
    }
    if (pos == end) {
      return new Parts(positive, "0", "0", "", "");
    }
    int start = pos;
    pos = skipDigits(str, pos);
    String num = str.substring(start, pos);
    if (pos == end) {
      return new Parts(positive, str, num, "", "");
    }
    if (num.isEmpty()) {
      num = "0";
    }
    String denom = "";
    if (str.charAt(pos) == '.') {
      start = ++pos;
      pos = skipDigits(str, pos);
      denom = str.substring(start, pos);
      if (pos == end) {
        return new Parts(positive, str, num, denom, "");
      }
    }
    String value = str.substring(0, pos);
    int suffixStart = pos;
    while (pos < end && SUFFIX_LETTERS.indexOf(str.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
      pos++;
    }
    if (skipDigits(str, pos) != end) {
      throw new IllegalArgumentException(FORMAT_ERROR);
    }
    return new Parts(positive, value, num, denom, str.substring(suffixStart));
  }

  private static int skipDigits(String str, int pos) {
    while (pos < str.length() && str.charAt(pos) >= '0' && str.charAt(pos) <= '9') {
      pos++;
    }
    return pos;
  }

  private static Suffix interpret(String suffix) {
    int decimal = Suffixes.decimalExponent(suffix);
    if (decimal != Suffixes.NONE) {
      return new Suffix(10, decimal, Format.DECIMAL_SI);
    }
    int binary = Suffixes.binaryExponent(suffix);
    if (binary != Suffixes.NONE) {
      return new Suffix(2, binary, Format.BINARY_SI);
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      long exponent;
      try {
        exponent = Long.parseLong(suffix.substring(1));
      } catch (NumberFormatException e) {
        return null;
      }
      // upstream keeps exponents within +-MaxInt32 rather than truncating them to 32 bits
      if (exponent > Integer.MAX_VALUE || exponent < -Integer.MAX_VALUE) {
        return null;
      }
      return new Suffix(10, (int) exponent, Format.DECIMAL_EXPONENT);
    }
    return null;
  }
}
