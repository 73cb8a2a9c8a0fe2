package io.minik8s.client.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM that kubeconfigs carry: certificate chains, and unencrypted private keys as PKCS#8
 * ("PRIVATE KEY"), PKCS#1 RSA ("RSA PRIVATE KEY") or SEC1 EC ("EC PRIVATE KEY"). The JDK only reads
 * PKCS#8, so the other two are wrapped into a PKCS#8 structure first.
 */
public final class PemDecoder {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
  // DER of the OIDs 1.2.840.113549.1.1.1 (rsaEncryption) and 1.2.840.10045.2.1 (ecPublicKey)
  private static final byte[] RSA_ENCRYPTION = {
    0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01
  };
  private static final byte[] EC_PUBLIC_KEY = {
    0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
  };
  private static final byte[] DER_NULL = {0x05, 0x00};
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

  private PemDecoder() {}

  /** Every certificate of the PEM text, in order. */
  public static List<X509Certificate> certificates(String pem) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certs = new ArrayList<>();
      for (var c :
          factory.generateCertificates(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        certs.add((X509Certificate) c);
      }
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("no certificate in the PEM data");
      }
      return certs;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("invalid PEM certificate: " + e.getMessage(), e);
    }
  }

  /** The first private key of the PEM text (RSA or EC). */
  public static PrivateKey privateKey(String pem) {
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      String label = m.group(1);
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      switch (label) {
        case "PRIVATE KEY":
          return pkcs8(der, "RSA", "EC", "Ed25519", "EdDSA");
        case "RSA PRIVATE KEY":
          return pkcs8(sequence(VERSION_0, sequence(RSA_ENCRYPTION, DER_NULL), octets(der)), "RSA");
        case "EC PRIVATE KEY":
          return pkcs8(
              sequence(VERSION_0, sequence(EC_PUBLIC_KEY, curveOf(der)), octets(der)), "EC");
        case "ENCRYPTED PRIVATE KEY":
          throw new IllegalArgumentException("encrypted private keys are not supported");
        default:
          // e.g. "EC PARAMETERS" that openssl writes before the key
      }
    }
    throw new IllegalArgumentException("no private key in the PEM data");
  }

  private static PrivateKey pkcs8(byte[] der, String... algorithms) {
    GeneralSecurityException last = null;
    for (String algorithm : algorithms) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new IllegalArgumentException("unreadable private key: " + last.getMessage(), last);
  }

  /**
   * The named-curve OID of a SEC1 ECPrivateKey: SEQUENCE { version, privateKey OCTET STRING, [0]
   * parameters, [1] publicKey }.
   */
  private static byte[] curveOf(byte[] sec1) {
    int[] seq = header(sec1, 0);
    int pos = seq[0];
    int end = seq[0] + seq[1];
    while (pos < end) {
      int[] h = header(sec1, pos);
      if ((sec1[pos] & 0xff) == 0xa0) {
        byte[] oid = new byte[h[1]];
        System.arraycopy(sec1, h[0], oid, 0, h[1]);
        return oid;
      }
      pos = h[0] + h[1];
    }
    throw new IllegalArgumentException("EC private key without a named curve");
  }

  /** The content offset and length of the DER element at pos. */
  private static int[] header(byte[] der, int pos) {
    int len = der[pos + 1] & 0xff;
    int offset = pos + 2;
    if (len >= 0x80) {
      int n = len & 0x7f;
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (der[offset + i] & 0xff);
      }
      offset += n;
    }
    if (offset + len > der.length) {
      throw new IllegalArgumentException("truncated DER data");
    }
    return new int[] {offset, len};
  }

  private static byte[] sequence(byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      content.writeBytes(p);
    }
    return tlv(0x30, content.toByteArray());
  }

  private static byte[] octets(byte[] content) {
    return tlv(0x04, content);
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else {
      int bytes = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((len >> (8 * i)) & 0xff);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
