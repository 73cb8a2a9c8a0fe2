package io.minik8s.client.component;

import io.minik8s.client.rest.PemDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS context of an HTTPS {@link ServingEndpoint}: its {@code --tls-cert-file} and {@code
 * --tls-private-key-file} (PEM; PKCS#8, PKCS#1 or SEC1 keys), or else a {@link
 * SelfSignedCertificate} made in memory for localhost, 127.0.0.1 and the bind address.
 */
final class ServingTls {
  private static final Logger LOG = LoggerFactory.getLogger(ServingTls.class);
  private static final char[] NO_PASSWORD = new char[0];

  private ServingTls() {}

  /** The context for the endpoint, or null when it is plain HTTP. */
  static SSLContext context(ServingEndpoint endpoint, Clock clock) {
    if (!endpoint.https()) {
      return null;
    }
    if (endpoint.certFile() != null) {
      try {
        List<X509Certificate> chain =
            PemDecoder.certificates(Files.readString(endpoint.certFile()));
        PrivateKey key = PemDecoder.privateKey(Files.readString(endpoint.keyFile()));
        return context(chain, key);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the serving certificate: " + e.getMessage(), e);
      }
    }
    Set<InetAddress> addresses = new LinkedHashSet<>();
    addresses.add(InetAddress.getLoopbackAddress());
    try {
      InetAddress bind = InetAddress.getByName(endpoint.host());
      if (!bind.isAnyLocalAddress()) {
        addresses.add(bind);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          endpoint.name() + ": unknown bind address " + endpoint.host(), e);
    }
    SelfSignedCertificate generated =
        SelfSignedCertificate.generate("localhost", List.of("localhost"), addresses, clock);
    LOG.info(
        "Generated self-signed cert in-memory for {} ({})",
        endpoint.name(),
        generated.certificate().getSubjectX500Principal().getName());
    return context(List.of(generated.certificate()), generated.key());
  }

  private static SSLContext context(List<X509Certificate> chain, PrivateKey key) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("serving", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }
}
