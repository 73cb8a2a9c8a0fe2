package io.minik8s.client.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a client needs to reach one API server as one user (client-go's rest.Config).
 * Credentials are resolved: files named by a kubeconfig are already read into the PEM and token
 * fields.
 *
 * @param server base URL, e.g. "https://127.0.0.1:6443" (no trailing slash)
 * @param namespace the default namespace of single-object operations, "default" if unset
 * @param token bearer token, or null; sent only over https
 * @param caCertPem PEM certificates to trust, or null for the JDK's trust store
 * @param clientCertPem PEM client certificate chain, or null
 * @param clientKeyPem PEM private key of the client certificate (PKCS#1, PKCS#8 or SEC1 EC)
 * @param insecureSkipTlsVerify trust any server certificate and host name
 * @param qps sustained requests per second of the client-side rate limiter; 0 or less disables it
 * @param burst requests allowed at once above qps
 * @param userAgent the User-Agent header
 * @param connectTimeout TCP + TLS connect timeout
 * @param requestTimeout time to the answer's headers of a non-watch request; zero for none
 */
public record ClientConfig(
    String server,
    String namespace,
    String token,
    String caCertPem,
    String clientCertPem,
    String clientKeyPem,
    boolean insecureSkipTlsVerify,
    double qps,
    int burst,
    String userAgent,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** client-go's defaults: 5 requests per second, bursts of 10. */
  public static final double DEFAULT_QPS = 5;

  public static final int DEFAULT_BURST = 10;
  public static final String DEFAULT_USER_AGENT =
      "minik8s/v0.1.0 ("
          + System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT)
          + "/"
          + System.getProperty("os.arch", "unknown")
          + ") kubernetes/minik8s";

  public ClientConfig {
    Objects.requireNonNull(server, "server");
    while (server.endsWith("/")) {
      server = server.substring(0, server.length() - 1);
    }
    if (!server.startsWith("http://") && !server.startsWith("https://")) {
      throw new IllegalArgumentException("server must be an http(s) URL: " + server);
    }
    namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1: " + burst);
    }
    userAgent = userAgent == null ? DEFAULT_USER_AGENT : userAgent;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ZERO : requestTimeout;
    if ((clientCertPem == null) != (clientKeyPem == null)) {
      throw new IllegalArgumentException("a client certificate needs its key and vice versa");
    }
  }

  /** A config for a server with no credentials and client-go's default limits. */
  public static ClientConfig forServer(String server) {
    return new ClientConfig(
        server, null, null, null, null, null, false, DEFAULT_QPS, DEFAULT_BURST, null, null, null);
  }

  public boolean isHttps() {
    return server.startsWith("https://");
  }

  public ClientConfig withServer(String s) {
    return new ClientConfig(
        s,
        namespace,
        token,
        caCertPem,
        clientCertPem,
        clientKeyPem,
        insecureSkipTlsVerify,
        qps,
        burst,
        userAgent,
        connectTimeout,
        requestTimeout);
  }

  public ClientConfig withNamespace(String ns) {
    return new ClientConfig(
        server,
        ns,
        token,
        caCertPem,
        clientCertPem,
        clientKeyPem,
        insecureSkipTlsVerify,
        qps,
        burst,
        userAgent,
        connectTimeout,
        requestTimeout);
  }

  public ClientConfig withToken(String t) {
    return new ClientConfig(
        server,
        namespace,
        t,
        caCertPem,
        clientCertPem,
        clientKeyPem,
        insecureSkipTlsVerify,
        qps,
        burst,
        userAgent,
        connectTimeout,
        requestTimeout);
  }

  /** The TLS material: CA certificates, client certificate and key (PEM), skip-verify. */
  public ClientConfig withTls(String ca, String cert, String key, boolean insecure) {
    return new ClientConfig(
        server,
        namespace,
        token,
        ca,
        cert,
        key,
        insecure,
        qps,
        burst,
        userAgent,
        connectTimeout,
        requestTimeout);
  }

  /** The rate limits, as {@code --kube-api-qps} and {@code --kube-api-burst} set them. */
  public ClientConfig withRateLimits(double q, int b) {
    return new ClientConfig(
        server,
        namespace,
        token,
        caCertPem,
        clientCertPem,
        clientKeyPem,
        insecureSkipTlsVerify,
        q,
        b,
        userAgent,
        connectTimeout,
        requestTimeout);
  }

  public ClientConfig withUserAgent(String ua) {
    return new ClientConfig(
        server,
        namespace,
        token,
        caCertPem,
        clientCertPem,
        clientKeyPem,
        insecureSkipTlsVerify,
        qps,
        burst,
        ua,
        connectTimeout,
        requestTimeout);
  }

  public ClientConfig withTimeouts(Duration connect, Duration request) {
    return new ClientConfig(
        server,
        namespace,
        token,
        caCertPem,
        clientCertPem,
        clientKeyPem,
        insecureSkipTlsVerify,
        qps,
        burst,
        userAgent,
        connect,
        request);
  }

  /** Leaves secrets out, so that configs can be logged. */
  @Override
  public String toString() {
    return "ClientConfig[server="
        + server
        + ", namespace="
        + namespace
        + ", token="
        + (token == null ? "none" : "<redacted>")
        + ", clientCert="
        + (clientCertPem != null)
        + ", ca="
        + (caCertPem != null)
        + ", insecureSkipTlsVerify="
        + insecureSkipTlsVerify
        + ", qps="
        + qps
        + ", burst="
        + burst
        + ", userAgent="
        + userAgent
        + "]";
  }
}
