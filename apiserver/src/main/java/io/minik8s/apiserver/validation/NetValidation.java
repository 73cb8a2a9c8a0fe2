package io.minik8s.apiserver.validation;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IP and CIDR syntax as upstream's IsValidIP / IsValidCIDR accept them. Parsing never touches DNS:
 * IPv4 is matched strictly (no leading zeros, as Go's parser), IPv6 only as a literal.
 */
public final class NetValidation {
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 =
      Pattern.compile("^" + OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "$");
  private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9a-fA-F:.]+$");

  private NetValidation() {}

  /** Whether {@code s} is an IPv4 address in dotted-quad form. */
  public static boolean isIpv4(String s) {
    return s != null && IPV4.matcher(s).matches();
  }

  /** Whether {@code s} is an IPv4 or IPv6 address literal. */
  public static boolean isIp(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    if (isIpv4(s)) {
      return true;
    }
    if (!s.contains(":") || !IPV6_CHARS.matcher(s).matches()) {
      return false;
    }
    try {
      // a string with ':' and only hex digits, ':' and '.' is parsed as a literal, never resolved
      return InetAddress.getByName(s) instanceof Inet6Address;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Upstream's IsValidIP reasons. */
  public static List<String> isValidIp(String s) {
    return isIp(s)
        ? List.of()
        : List.of("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
  }

  /** Upstream's IsValidCIDR reasons. */
  public static List<String> isValidCidr(String s) {
    String[] parts = s == null ? new String[0] : s.split("/", -1);
    if (parts.length == 2 && isIp(parts[0]) && parts[1].matches("^(0|[1-9][0-9]{0,2})$")) {
      int bits = Integer.parseInt(parts[1]);
      if (bits <= (isIpv4(parts[0]) ? 32 : 128)) {
        return List.of();
      }
    }
    return List.of("must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
  }
}
