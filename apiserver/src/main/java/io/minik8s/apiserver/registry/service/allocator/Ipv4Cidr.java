package io.minik8s.apiserver.registry.service.allocator;

import java.util.OptionalInt;

/**
 * An IPv4 CIDR as a service range: the usable addresses exclude the network address and the
 * broadcast address, as upstream's ipallocator excludes them, so offset 0 is network + 1 (the
 * address the kubernetes Service gets).
 *
 * @param network the network address as an unsigned 32-bit value (host bits zero)
 * @param prefixLength the prefix length, 0 to 32
 */
public record Ipv4Cidr(long network, int prefixLength) {

  public Ipv4Cidr {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
    if (network < 0 || network > 0xFFFF_FFFFL || (network & ~mask(prefixLength)) != 0) {
      throw new IllegalArgumentException("not a network address: " + network);
    }
  }

  /** Parses "10.96.0.0/12"; host bits are cleared as Go's net.ParseCIDR clears them. */
  public static Ipv4Cidr parse(String cidr) {
    String[] parts = cidr.split("/", -1);
    if (parts.length != 2 || !parts[1].matches("^(0|[1-9][0-9]?)$")) {
      throw new IllegalArgumentException("invalid CIDR address: " + cidr);
    }
    long ip = parseIp(parts[0]);
    int prefix = Integer.parseInt(parts[1]);
    if (ip < 0 || prefix > 32) {
      throw new IllegalArgumentException("invalid CIDR address: " + cidr);
    }
    return new Ipv4Cidr(ip & mask(prefix), prefix);
  }

  /** The address as an unsigned 32-bit value, or -1 if it is no dotted-quad IPv4 address. */
  public static long parseIp(String ip) {
    String[] octets = ip.split("\\.", -1);
    if (octets.length != 4) {
      return -1;
    }
    long value = 0;
    for (String octet : octets) {
      // Go's parser rejects leading zeros, which some read as octal
      if (!octet.matches("^(0|[1-9][0-9]{0,2})$")) {
        return -1;
      }
      int n = Integer.parseInt(octet);
      if (n > 255) {
        return -1;
      }
      value = value << 8 | n;
    }
    return value;
  }

  /** Formats an unsigned 32-bit value as a dotted quad. */
  public static String format(long ip) {
    return ((ip >> 24) & 0xFF)
        + "."
        + ((ip >> 16) & 0xFF)
        + "."
        + ((ip >> 8) & 0xFF)
        + "."
        + (ip & 0xFF);
  }

  /** The number of addresses in the CIDR, network and broadcast included. */
  public long addressCount() {
    return 1L << (32 - prefixLength);
  }

  /** The number of allocatable addresses: all but the network and broadcast addresses. */
  public int usableSize() {
    return (int) Math.max(0, addressCount() - 2);
  }

  /** The offset of an allocatable address, empty for anything else. */
  public OptionalInt offsetOf(String ip) {
    long value = parseIp(ip);
    if (value < 0) {
      return OptionalInt.empty();
    }
    long offset = value - network - 1;
    return offset >= 0 && offset < usableSize()
        ? OptionalInt.of((int) offset)
        : OptionalInt.empty();
  }

  /** The address at an offset of the usable range. */
  public String addressAt(int offset) {
    if (offset < 0 || offset >= usableSize()) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside " + this);
    }
    return format(network + 1 + offset);
  }

  /**
   * The size of the lower band that dynamic allocation avoids while the upper band has room
   * (upstream's calculateRangeOffset: addresses/16, at least 16, at most 256; 0 for tiny ranges).
   */
  public int reservedForStatic() {
    long count = addressCount();
    if (count <= 16) {
      return 0;
    }
    return (int) Math.max(16, Math.min(256, count / 16));
  }

  @Override
  public String toString() {
    return format(network) + "/" + prefixLength;
  }

  private static long mask(int prefix) {
    return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
  }
}
