package io.minik8s.client.component;

import picocli.CommandLine.ITypeConverter;

/**
 * An "ip:port" flag value such as kube-proxy's {@code --healthz-bind-address=0.0.0.0:10256}; IPv6
 * in brackets ("[::]:10249").
 *
 * @param host the address, without brackets
 * @param port the port, 0 for any free one
 */
public record HostPort(String host, int port) {

  public HostPort {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("missing host");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("invalid port " + port);
    }
  }

  /** Parses "host:port" or "[v6]:port". */
  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("\"" + text + "\" is not of the form ip:port");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("\"" + text + "\": put an IPv6 address in brackets");
    }
    try {
      return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" has an invalid port", e);
    }
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** Picocli's converter; an empty value means "disabled" and converts to null. */
  public static final class Converter implements ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String value) {
      return value.isEmpty() ? null : parse(value);
    }
  }
}
