package io.minik8s.api.quantity;

import java.util.Map;

/** Upstream's suffix tables: decimal SI (powers of 10) and binary SI (powers of 2). */
final class Suffixes {
  /** Returned when a suffix or exponent has no table entry. */
  static final int NONE = Integer.MIN_VALUE;

  private static final Map<String, Integer> DECIMAL =
      Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  private static final String[] DECIMAL_BY_THOUSANDS = {
    "n", "u", "m", "", "k", "M", "G", "T", "P", "E"
  };
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  private Suffixes() {}

  /** The power of ten a decimal SI suffix stands for, or {@link #NONE}. */
  static int decimalExponent(String suffix) {
    return DECIMAL.getOrDefault(suffix, NONE);
  }

  /** The power of two a binary SI suffix ("Ki" .. "Ei") stands for, or {@link #NONE}. */
  static int binaryExponent(String suffix) {
    for (int i = 1; i < BINARY.length; i++) {
      if (BINARY[i].equals(suffix)) {
        return i * 10;
      }
    }
    return NONE;
  }

  /** The decimal SI suffix of a power of ten that is a multiple of 3, or null beyond n..E. */
  static String decimalSuffix(long exponent) {
    long index = exponent / 3 + 3;
    return exponent % 3 == 0 && index >= 0 && index < DECIMAL_BY_THOUSANDS.length
        ? DECIMAL_BY_THOUSANDS[(int) index]
        : null;
  }

  /** The binary SI suffix of 1024^power, or null beyond Ei. */
  static String binarySuffix(int power) {
    return power >= 0 && power < BINARY.length ? BINARY[power] : null;
  }
}
