package io.minik8s.client.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void makesAVerifiableServingCertificateForTheGivenNames() throws Exception {
    SelfSignedCertificate made =
        SelfSignedCertificate.generate(
            "localhost",
            List.of("localhost"),
            List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.1.2.3")),
            Clock.fixed(NOW, ZoneOffset.UTC));
    var cert = made.certificate();

    cert.verify(cert.getPublicKey()); // signed by its own key
    assertThat(cert.getVersion()).isEqualTo(3);
    assertThat(cert.getSubjectX500Principal().getName())
        .isEqualTo("CN=localhost@" + NOW.getEpochSecond());
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    assertThat(cert.getNotBefore().toInstant()).isBefore(NOW);
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plusSeconds(365L * 24 * 3600));
    assertThat(cert.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "10.1.2.3"));
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(cert.getBasicConstraints()).as("a CA, so that clients can pin it").isNotNegative();
  }

  @Test
  void itsKeyMatchesItsCertificate() throws Exception {
    SelfSignedCertificate made =
        SelfSignedCertificate.generate(
            "localhost", List.of("localhost"), List.of(), Clock.systemUTC());
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(made.key());
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();

    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(made.certificate().getPublicKey());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void encodesObjectIdentifiersAndLongLengthsAsDer() {
    // 1.2.840.10045.4.3.2 (ecdsa-with-SHA256), a multi-byte arc among them
    assertThat(HexFormat.of().formatHex(Der.oid("1.2.840.10045.4.3.2")))
        .isEqualTo("06082a8648ce3d040302");
    byte[] longContent = new byte[300];
    byte[] encoded = Der.octetString(longContent);
    assertThat(HexFormat.of().formatHex(encoded, 0, 4)).isEqualTo("0482012c");
    assertThat(encoded).hasSize(304);
    assertThat(HexFormat.of().formatHex(Der.time(Instant.parse("2051-01-02T03:04:05Z"))))
        .as("GeneralizedTime from 2050")
        .isEqualTo("180f" + HexFormat.of().formatHex("20510102030405Z".getBytes()));
  }
}
