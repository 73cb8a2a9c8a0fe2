package io.minik8s.apiserver.registry.service.allocator;

/**
 * A range of ports, both ends included, as upstream's net.PortRange ("30000-32767").
 *
 * @param base the first port
 * @param size how many ports, at least 1
 */
public record PortRange(int base, int size) {

  public PortRange {
    if (base < 0 || size < 1 || (long) base + size - 1 > 65535) {
      throw new IllegalArgumentException("invalid port range: base " + base + ", size " + size);
    }
  }

  /** Parses "30000-32767", "30000+2767" (base and count beyond it) or a single port "30000". */
  public static PortRange parse(String spec) {
    String s = spec.strip();
    try {
      int dash = s.indexOf('-');
      int plus = s.indexOf('+');
      if (dash > 0) {
        int low = Integer.parseInt(s.substring(0, dash));
        int high = Integer.parseInt(s.substring(dash + 1));
        if (high < low) {
          throw new IllegalArgumentException("invalid port range: " + spec);
        }
        return new PortRange(low, high - low + 1);
      }
      if (plus > 0) {
        int low = Integer.parseInt(s.substring(0, plus));
        return new PortRange(low, Integer.parseInt(s.substring(plus + 1)) + 1);
      }
      return new PortRange(Integer.parseInt(s), 1);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid port range: " + spec, e);
    }
  }

  public int last() {
    return base + size - 1;
  }

  public boolean contains(int port) {
    return port >= base && port <= last();
  }

  /**
   * The size of the lower band that dynamic allocation avoids while the upper band has room
   * (upstream's port calculateRangeOffset: ports/32, at least 16, at most 128; 0 for tiny ranges).
   */
  public int reservedForStatic() {
    if (size <= 16) {
      return 0;
    }
    return Math.max(16, Math.min(128, size / 32));
  }

  @Override
  public String toString() {
    return base + "-" + last();
  }
}
