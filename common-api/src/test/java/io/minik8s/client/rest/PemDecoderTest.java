package io.minik8s.client.rest;

import static io.minik8s.client.rest.TlsFixtures.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemDecoderTest {

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "client-rsa.crt, client-rsa-pkcs1.key, SHA256withRSA",
    "client-rsa.crt, client-rsa-pkcs8.key, SHA256withRSA",
    "client-ec.crt, client-ec.key, SHA256withECDSA",
    "client-ec.crt, client-ec-pkcs8.key, SHA256withECDSA"
  })
  void everyKeyFormatDecodesToTheKeyOfItsCertificate(String cert, String key, String algorithm)
      throws Exception {
    PrivateKey privateKey = PemDecoder.privateKey(pem(key));
    PublicKey publicKey = PemDecoder.certificates(pem(cert)).get(0).getPublicKey();
    byte[] data = "minik8s".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(privateKey);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(publicKey);
    verifier.update(data);
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void aChainDecodesInOrder() {
    List<X509Certificate> chain = PemDecoder.certificates(pem("server.crt") + pem("ca.crt"));
    assertThat(chain)
        .extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=127.0.0.1", "CN=minik8s-test-ca");
  }

  @Test
  void ecParametersBeforeTheKeyAreSkipped() {
    String withParams =
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n"
            + "-----END EC PARAMETERS-----\n"
            + pem("client-ec.key");
    assertThat(PemDecoder.privateKey(withParams).getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void garbageAndEncryptedKeysAreRejectedWithAClearMessage() {
    assertThatThrownBy(() -> PemDecoder.privateKey("nothing here"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no private key");
    assertThatThrownBy(
            () ->
                PemDecoder.privateKey(
                    "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                        + "AAAA\n"
                        + "-----END ENCRYPTED PRIVATE KEY-----"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encrypted");
    assertThatThrownBy(() -> PemDecoder.certificates("no cert"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
