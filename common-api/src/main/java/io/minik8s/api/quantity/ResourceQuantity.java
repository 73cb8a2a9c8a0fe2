package io.minik8s.api.quantity;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A fixed-point amount of a resource with the format it is printed in: upstream's
 * resource.Quantity. Immutable; arithmetic returns new values.
 *
 * <p>Two quantities are {@link #equals equal} when they denote the same amount, whatever their
 * format (upstream's {@code Quantity.Equal}); {@link #toString()} is upstream's canonical form, so
 * equal quantities may still print differently ("1Gi" and "1073741824").
 *
 * @param amount the exact value, stored without trailing zeros
 * @param format how {@link #toString()} prints the value
 */
public record ResourceQuantity(BigDecimal amount, Format format)
    implements Comparable<ResourceQuantity> {

  /** Zero, printed "0". */
  public static final ResourceQuantity ZERO =
      new ResourceQuantity(BigDecimal.ZERO, Format.DECIMAL_SI);

  /** How a quantity is printed; names as upstream's {@code resource.Format}. */
  public enum Format {
    /** e.g. "12e6". */
    DECIMAL_EXPONENT("DecimalExponent"),
    /** e.g. "12Mi" (12 * 2^20). */
    BINARY_SI("BinarySI"),
    /** e.g. "12M" (12 * 10^6). */
    DECIMAL_SI("DecimalSI");

    private final String upstreamName;

    Format(String upstreamName) {
      this.upstreamName = upstreamName;
    }

    /** "DecimalExponent", "BinarySI" or "DecimalSI". */
    public String upstreamName() {
      return upstreamName;
    }
  }

  public ResourceQuantity {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(format, "format");
    amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
  }

  /**
   * Parses upstream's quantity syntax: a signed decimal number followed by a decimal SI suffix (n u
   * m k M G T P E), a binary SI suffix (Ki Mi Gi Ti Pi Ei) or a decimal exponent (e3, E-6).
   * Non-zero amounts finer than a nano are rounded up to 1n, binary amounts are capped at 2^63-1.
   *
   * @throws IllegalArgumentException with upstream's message when the string is not a quantity
   */
  public static ResourceQuantity parse(String value) {
    return QuantityParser.parse(Objects.requireNonNull(value, "value")).quantity();
  }

  /**
   * The string upstream writes back after decoding {@code value} from JSON (its UnmarshalJSON trims
   * surrounding space, then parses): the trimmed input itself when upstream's parser keeps it,
   * which it does for most strings already in a canonical shape, otherwise the canonical form.
   *
   * @throws IllegalArgumentException when the string is not a quantity
   */
  public static String serializedForm(String value) {
    String trimmed = Objects.requireNonNull(value, "value").strip();
    QuantityParser.Parsed parsed = QuantityParser.parse(trimmed);
    return parsed.keepsInput() ? trimmed : parsed.quantity().toString();
  }

  /** {@code value} units (upstream's NewQuantity). */
  public static ResourceQuantity of(long value, Format format) {
    return new ResourceQuantity(BigDecimal.valueOf(value), format);
  }

  /** {@code milli} thousandths (upstream's NewMilliQuantity). */
  public static ResourceQuantity ofMilli(long milli, Format format) {
    return new ResourceQuantity(BigDecimal.valueOf(milli, 3), format);
  }

  /** {@code value * 10^scale}, printed in decimal SI (upstream's NewScaledQuantity). */
  public static ResourceQuantity ofScaled(long value, int scale) {
    return new ResourceQuantity(BigDecimal.valueOf(value, -scale), Format.DECIMAL_SI);
  }

  /**
   * Converts fabric8's model quantity (amount and suffix kept as strings), trimming surrounding
   * space as upstream's JSON decoding does.
   *
   * @throws IllegalArgumentException when it does not hold a valid quantity
   */
  public static ResourceQuantity fromFabric8(Quantity quantity) {
    String amount = quantity.getAmount() == null ? "" : quantity.getAmount();
    String suffix = quantity.getFormat() == null ? "" : quantity.getFormat();
    return parse((amount + suffix).strip());
  }

  /** This quantity as fabric8's model quantity, in canonical form. */
  public Quantity toFabric8() {
    String[] parts = CanonicalForm.of(this);
    return new Quantity(parts[0], parts[1]);
  }

  /** The sum; a zero left operand takes the right operand's format, as upstream's Add. */
  public ResourceQuantity add(ResourceQuantity other) {
    return new ResourceQuantity(amount.add(other.amount), resultFormat(other));
  }

  /** The difference; a zero left operand takes the right operand's format, as upstream's Sub. */
  public ResourceQuantity subtract(ResourceQuantity other) {
    return new ResourceQuantity(amount.subtract(other.amount), resultFormat(other));
  }

  private Format resultFormat(ResourceQuantity other) {
    return isZero() ? other.format : format;
  }

  /** This quantity with its sign flipped. */
  public ResourceQuantity negate() {
    return new ResourceQuantity(amount.negate(), format);
  }

  /** This quantity times {@code factor}, exactly. */
  public ResourceQuantity multiply(long factor) {
    return new ResourceQuantity(amount.multiply(BigDecimal.valueOf(factor)), format);
  }

  /**
   * This quantity rounded away from zero to a multiple of 10^scale (upstream's RoundUp; scale -3
   * rounds to millis). Unchanged when already that coarse.
   */
  public ResourceQuantity roundUp(int scale) {
    if (amount.scale() <= -scale) {
      return this;
    }
    return new ResourceQuantity(amount.setScale(-scale, RoundingMode.UP), format);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** -1, 0 or 1. */
  public int signum() {
    return amount.signum();
  }

  /**
   * The amount in whole units, rounded away from zero (upstream's Value); saturates at the long
   * range where upstream's result is undefined.
   */
  public long value() {
    return scaledValue(0);
  }

  /** The amount in thousandths, rounded away from zero (upstream's MilliValue); saturates. */
  public long milliValue() {
    return scaledValue(-3);
  }

  /** The amount in units of 10^scale, rounded away from zero (upstream's ScaledValue). */
  public long scaledValue(int scale) {
    BigInteger units = amount.movePointLeft(scale).setScale(0, RoundingMode.UP).toBigInteger();
    if (units.bitLength() < Long.SIZE) {
      return units.longValue();
    }
    return units.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  /** The amount as the closest double. */
  public double asApproximateDouble() {
    return amount.doubleValue();
  }

  @Override
  public int compareTo(ResourceQuantity other) {
    return amount.compareTo(other.amount);
  }

  /** Equal amounts are equal quantities, whatever the format (upstream's Equal). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceQuantity other && amount.equals(other.amount);
  }

  @Override
  public int hashCode() {
    return amount.hashCode();
  }

  /**
   * Upstream's canonical form (CanonicalizeBytes): no fractional digits, the largest suffix of the
   * quantity's format that loses no precision; e.g. "1.5" prints "1500m" and "1.5Gi" "1536Mi".
   */
  @Override
  public String toString() {
    String[] parts = CanonicalForm.of(this);
    return parts[0] + parts[1];
  }
}
