package io.minik8s.client.component;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few ASN.1 DER encodings an X.509 certificate needs (X.690): enough to build a self-signed
 * serving certificate without the JDK's internal {@code sun.security.x509} classes or a keytool
 * subprocess. Each method answers one complete tag-length-value.
 */
final class Der {
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private Der() {}

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0)});
  }

  static byte[] nullValue() {
    return tlv(0x05, new byte[0]);
  }

  static byte[] octetString(byte[] content) {
    return tlv(0x04, content);
  }

  /** A BIT STRING of whole bytes (no unused bits). */
  static byte[] bitString(byte[] content) {
    return tlv(0x03, concat(new byte[] {0}, content));
  }

  /** A BIT STRING whose last byte has {@code unusedBits} padding bits (key usage flags). */
  static byte[] bitString(byte[] content, int unusedBits) {
    return tlv(0x03, concat(new byte[] {(byte) unusedBits}, content));
  }

  static byte[] utf8String(String value) {
    return tlv(0x0c, value.getBytes(StandardCharsets.UTF_8));
  }

  /** UTCTime before 2050 and GeneralizedTime from then on, as RFC 5280 requires. */
  static byte[] time(Instant instant) {
    if (instant.atZone(ZoneOffset.UTC).getYear() < 2050) {
      return tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }
    return tlv(0x18, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = Long.parseLong(arcs[i]);
      // base 128, most significant group first, continuation bit on all but the last
      int groups = 1;
      for (long rest = arc >>> 7; rest != 0; rest >>>= 7) {
        groups++;
      }
      for (int g = groups - 1; g >= 0; g--) {
        int bits = (int) ((arc >>> (7 * g)) & 0x7f);
        out.write(g == 0 ? bits : bits | 0x80);
      }
    }
    return tlv(0x06, out.toByteArray());
  }

  /** A constructed context-specific tag, [n] EXPLICIT. */
  static byte[] explicit(int tagNumber, byte[] content) {
    return tlv(0xa0 | tagNumber, content);
  }

  /** A primitive context-specific tag, [n] IMPLICIT of a primitive type (GeneralName choices). */
  static byte[] implicit(int tagNumber, byte[] content) {
    return tlv(0x80 | tagNumber, content);
  }

  static byte[] tlv(int tag, byte[] content) {
    byte[] length = length(content.length);
    byte[] out = new byte[1 + length.length + content.length];
    out[0] = (byte) tag;
    System.arraycopy(length, 0, out, 1, length.length);
    System.arraycopy(content, 0, out, 1 + length.length, content.length);
    return out;
  }

  private static byte[] length(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    byte[] digits = BigInteger.valueOf(length).toByteArray();
    int skip = digits[0] == 0 ? 1 : 0;
    byte[] out = new byte[1 + digits.length - skip];
    out[0] = (byte) (0x80 | (digits.length - skip));
    System.arraycopy(digits, skip, out, 1, digits.length - skip);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
