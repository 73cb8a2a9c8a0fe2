package io.minik8s.client.component;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A serving certificate made at startup when a component is given none, as kube-scheduler and
 * kube-controller-manager do ("localhost@&lt;unix time&gt;", valid for a year, for localhost and
 * 127.0.0.1). Built with {@link Der} and signed with the JDK's public {@link Signature} API: no
 * internal JDK classes, no keytool subprocess, no file left behind. One ECDSA P-256 certificate
 * that is its own issuer, where upstream adds a CA in front: clients pin it or skip verification
 * either way.
 *
 * @param certificate the certificate
 * @param key its private key
 */
record SelfSignedCertificate(X509Certificate certificate, PrivateKey key) {
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final Duration VALIDITY = Duration.ofDays(365);
  // backdated so that a peer whose clock is a little behind accepts it at once
  private static final Duration BACKDATE = Duration.ofHours(1);

  /** Generates a key pair and a certificate for the given names and addresses. */
  static SelfSignedCertificate generate(
      String host, Collection<String> dnsNames, Collection<InetAddress> addresses, Clock clock) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      Instant now = clock.instant();
      byte[] name =
          Der.sequence(
              Der.set(
                  Der.sequence(
                      Der.oid(COMMON_NAME), Der.utf8String(host + "@" + now.getEpochSecond()))));
      byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
      byte[] tbs =
          Der.sequence(
              Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
              Der.integer(new BigInteger(127, new SecureRandom()).add(BigInteger.ONE)),
              algorithm,
              name,
              Der.sequence(Der.time(now.minus(BACKDATE)), Der.time(now.plus(VALIDITY))),
              name,
              pair.getPublic().getEncoded(), // already a DER SubjectPublicKeyInfo
              Der.explicit(3, Der.sequence(extensions(dnsNames, addresses))));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(pair.getPrivate());
      signer.update(tbs);
      byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      return new SelfSignedCertificate(certificate, pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a self-signed certificate", e);
    }
  }

  private static byte[] extensions(Collection<String> dnsNames, Collection<InetAddress> addresses) {
    List<byte[]> altNames = new ArrayList<>();
    dnsNames.forEach(dns -> altNames.add(Der.implicit(2, dns.getBytes(StandardCharsets.US_ASCII))));
    addresses.forEach(ip -> altNames.add(Der.implicit(7, ip.getAddress())));
    return Der.concat(
        extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
        // digitalSignature (bit 0) and keyCertSign (bit 5): 1000 0100, two unused bits
        extension(KEY_USAGE, true, Der.bitString(new byte[] {(byte) 0x84}, 2)),
        extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))),
        extension(SUBJECT_ALT_NAME, false, Der.sequence(altNames.toArray(byte[][]::new))));
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical
        ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value));
  }
}
