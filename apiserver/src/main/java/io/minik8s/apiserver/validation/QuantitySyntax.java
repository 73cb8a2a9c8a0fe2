package io.minik8s.apiserver.validation;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of upstream's resource.Quantity to validate resource lists: the syntax check
 * (upstream's regex, then the stricter rules its parser applies) and the numeric value for
 * comparisons. fabric8's Quantity accepts any string, so this is where a bad one is caught.
 */
final class QuantitySyntax {
  /** The text of upstream's parse error, which names its regex. */
  static final String REGEX_ERROR =
      "quantities must match the regular expression"
          + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  private static final Pattern SPLIT =
      Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
  private static final Pattern NUMBER = Pattern.compile("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$");
  private static final Pattern EXPONENT = Pattern.compile("^[eE][+-]?[0-9]+$");
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private QuantitySyntax() {}

  /** The string form as the client sent it ("500m", "1Gi"). */
  static String text(Quantity q) {
    if (q == null) {
      return "";
    }
    String amount = q.getAmount() == null ? "" : q.getAmount();
    String format = q.getFormat() == null ? "" : q.getFormat();
    return amount + format;
  }

  /** The value of a well-formed quantity, empty when it does not parse as upstream's would. */
  static Optional<BigDecimal> parse(String s) {
    Matcher m = SPLIT.matcher(s);
    if (!m.matches() || !NUMBER.matcher(m.group(1)).matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(normalize(m.group(1)));
    String suffix = m.group(2);
    BigDecimal multiplier = SUFFIXES.get(suffix);
    if (multiplier != null) {
      return Optional.of(number.multiply(multiplier));
    }
    if (EXPONENT.matcher(suffix).matches()) {
      try {
        return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
      } catch (NumberFormatException | ArithmeticException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String normalize(String number) {
    String n = number.startsWith("+") ? number.substring(1) : number;
    if (n.endsWith(".")) {
      n = n + "0";
    }
    if (n.startsWith(".") || n.startsWith("-.")) {
      n = n.replace(".", "0.");
    }
    return n;
  }
}
