package io.minik8s.client.component;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * kube-scheduler's and kube-controller-manager's serving flags, as a Picocli mixin: {@code
 * --bind-address}, {@code --secure-port} (0 serves nothing, as upstream), {@code --tls-cert-file}
 * and {@code --tls-private-key-file} (a self-signed certificate when both are empty). The default
 * port is the component's (10259, 10257), so it is a constructor argument.
 */
public final class SecureServingOptions {

  @Option(
      names = "--bind-address",
      paramLabel = "IP",
      defaultValue = "0.0.0.0",
      description =
          "The IP address on which to listen for the --secure-port port"
              + " (default: ${DEFAULT-VALUE}).")
  String bindAddress;

  @Option(
      names = "--secure-port",
      paramLabel = "PORT",
      description =
          "The port on which to serve HTTPS with /healthz, /readyz, /livez and"
              + " /metrics; 0 serves nothing (default: ${DEFAULT-VALUE}).")
  int securePort;

  @Option(
      names = "--tls-cert-file",
      paramLabel = "FILE",
      description =
          "File containing the default x509 certificate for HTTPS (CA certificates,"
              + " if any, concatenated after it); a self-signed certificate is generated when this"
              + " and --tls-private-key-file are not given.")
  Path tlsCertFile;

  @Option(
      names = "--tls-private-key-file",
      paramLabel = "FILE",
      description = "File containing the default x509 private key matching --tls-cert-file.")
  Path tlsPrivateKeyFile;

  public SecureServingOptions(int defaultSecurePort) {
    this.securePort = defaultSecurePort;
  }

  public String bindAddress() {
    return bindAddress;
  }

  public int securePort() {
    return securePort;
  }

  /** The HTTPS listener these flags describe, or empty when {@code --secure-port=0}. */
  public Optional<ServingEndpoint> endpoint() {
    if (securePort == 0) {
      return Optional.empty();
    }
    return Optional.of(
        ServingEndpoint.https(
            "secure serving", bindAddress, securePort, tlsCertFile, tlsPrivateKeyFile));
  }
}
