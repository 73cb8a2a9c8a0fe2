package io.minik8s.client.component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** The node name of kubelet and kube-proxy, as upstream's nodeutil.GetHostname derives it. */
public final class Hostnames {
  private Hostnames() {}

  /**
   * {@code --hostname-override} trimmed and lower-cased when given, else this machine's host name
   * lower-cased.
   *
   * @throws IllegalArgumentException if the result is empty
   */
  public static String nodeName(String hostnameOverride) {
    String name = hostnameOverride == null ? "" : hostnameOverride.trim();
    if (name.isEmpty()) {
      name = localHostname();
    }
    name = name.toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty hostname is invalid");
    }
    return name;
  }

  private static String localHostname() {
    String env = System.getenv("HOSTNAME");
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // containers without a resolvable host name still have $HOSTNAME
      return env == null ? "" : env;
    }
  }
}
