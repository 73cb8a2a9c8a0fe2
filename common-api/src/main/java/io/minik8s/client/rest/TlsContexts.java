package io.minik8s.client.rest;

import io.minik8s.client.config.ClientConfig;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context of a {@link ClientConfig}: trust in its CA certificates (else the JDK's trust
 * store), its client certificate and key, or no verification at all for {@code
 * insecure-skip-tls-verify}.
 */
public final class TlsContexts {
  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  public static SSLContext sslContext(ClientConfig config) {
    try {
      TrustManager[] trust =
          config.insecureSkipTlsVerify()
              ? new TrustManager[] {new TrustingEverything()}
              : config.caCertPem() != null
                  ? trusting(PemDecoder.certificates(config.caCertPem()))
                  : null;
      KeyManager[] keys =
          config.clientCertPem() == null
              ? null
              : keys(
                  PemDecoder.certificates(config.clientCertPem()),
                  PemDecoder.privateKey(config.clientKeyPem()));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("invalid TLS configuration: " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trusting(List<X509Certificate> cas)
      throws GeneralSecurityException, java.io.IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    for (int i = 0; i < cas.size(); i++) {
      store.setCertificateEntry("ca-" + i, cas.get(i));
    }
    TrustManagerFactory f =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    return f.getTrustManagers();
  }

  private static KeyManager[] keys(List<X509Certificate> chain, PrivateKey key)
      throws GeneralSecurityException, java.io.IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
    KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    f.init(store, NO_PASSWORD);
    return f.getKeyManagers();
  }

  /**
   * Accepts any server. Being an X509ExtendedTrustManager, the JDK does not wrap it with its own
   * endpoint identification, so host names go unchecked too, as the flag asks.
   */
  private static final class TrustingEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
