package io.minik8s.apiserver.storage.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.apiserver.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContinueTokenTest {
  private static final String PREFIX = "/registry/pods/";

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void encodesUpstreamsJsonRelativeToThePrefixInUnpaddedUrlSafeBase64() {
    String token = new ContinueToken(1234, "/registry/pods/default/web-1\0").encode(PREFIX);

    assertThat(token).doesNotContain("=", "+", "/");
    assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
        .isEqualTo("{\"v\":\"meta.k8s.io/v1\",\"rv\":1234,\"start\":\"default/web-1\\u0000\"}");
  }

  @Test
  void decodesATokenAsUpstreamWritesIt() {
    String token =
        base64("{\"v\":\"meta.k8s.io/v1\",\"rv\":77,\"start\":\"kube-system/dns\\u0000\"}");

    ContinueToken decoded = ContinueToken.decode(token, PREFIX);

    assertThat(decoded).isEqualTo(new ContinueToken(77, "/registry/pods/kube-system/dns\0"));
  }

  @Test
  void roundTripsThroughEncodeAndDecode() {
    ContinueToken token = new ContinueToken(9, "/registry/pods/ns/a\0");

    assertThat(ContinueToken.decode(token.encode(PREFIX), PREFIX)).isEqualTo(token);
  }

  @Test
  void acceptsTheNewestRevisionMarkerOfInconsistentContinues() {
    String token = base64("{\"v\":\"meta.k8s.io/v1\",\"rv\":-1,\"start\":\"ns/a\\u0000\"}");

    assertThat(ContinueToken.decode(token, PREFIX).revision()).isEqualTo(-1);
  }

  @Test
  void refusesToEncodeAKeyOutsideThePrefix() {
    assertThatThrownBy(() -> new ContinueToken(1, "/registry/nodes/x").encode(PREFIX))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not base64!",
        "e30", // {}
        "bm90IGpzb24", // not json
        "eyJ2IjoibWV0YS5rOHMuaW8vdjIiLCJydiI6MSwic3RhcnQiOiJhIn0", // v2
        "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MCwic3RhcnQiOiJhIn0", // rv 0
        "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiIifQ", // empty start
        "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiIuLi9zZWNyZXRzL3gifQ", // ../secrets/x
        "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiJhLy9iIn0" // a//b
      })
  void malformedOrEscapingTokensAreInvalidRequests(String token) {
    assertThatThrownBy(() -> ContinueToken.decode(token, PREFIX))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("invalid continue token")
        .extracting(e -> ((StorageException) e).reason())
        .isEqualTo(StorageException.Reason.INVALID_REQUEST);
  }
}
