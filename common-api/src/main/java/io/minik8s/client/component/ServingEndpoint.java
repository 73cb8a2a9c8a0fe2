package io.minik8s.client.component;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One listener of a component's health and metrics server, from its flags: where it listens,
 * whether over HTTPS, and what it serves.
 *
 * @param name what the log calls it, e.g. "secure serving" or "metrics"
 * @param host the address to bind, e.g. "0.0.0.0" or "127.0.0.1"
 * @param port the port; 0 picks a free one (the started server tells which)
 * @param https whether to serve HTTPS
 * @param certFile the PEM certificate chain for HTTPS, or null for a self-signed certificate
 * @param keyFile the PEM private key of certFile, or null
 * @param health whether /healthz, /livez and /readyz are served
 * @param metrics whether /metrics is served
 */
public record ServingEndpoint(
    String name,
    String host,
    int port,
    boolean https,
    Path certFile,
    Path keyFile,
    boolean health,
    boolean metrics) {

  public ServingEndpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + ": invalid port " + port);
    }
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException(
          name + ": --tls-cert-file and --tls-private-key-file go together");
    }
    if (certFile != null && !https) {
      throw new IllegalArgumentException(name + ": a certificate needs HTTPS");
    }
    if (!health && !metrics) {
      throw new IllegalArgumentException(name + ": serves nothing");
    }
  }

  /** Plain HTTP serving health and metrics. */
  public static ServingEndpoint http(String name, String host, int port) {
    return new ServingEndpoint(name, host, port, false, null, null, true, true);
  }

  /** HTTPS serving health and metrics, with the given files or (both null) a self-signed one. */
  public static ServingEndpoint https(
      String name, String host, int port, Path certFile, Path keyFile) {
    return new ServingEndpoint(name, host, port, true, certFile, keyFile, true, true);
  }

  /** The same listener serving the health endpoints only. */
  public ServingEndpoint healthOnly() {
    return new ServingEndpoint(name, host, port, https, certFile, keyFile, true, false);
  }
}
