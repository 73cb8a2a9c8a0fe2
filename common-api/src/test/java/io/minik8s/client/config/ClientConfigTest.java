package io.minik8s.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

  @Test
  void defaultsAreClientGos() {
    ClientConfig c = ClientConfig.forServer("https://127.0.0.1:6443/");
    assertThat(c.server()).isEqualTo("https://127.0.0.1:6443");
    assertThat(c.qps()).isEqualTo(5);
    assertThat(c.burst()).isEqualTo(10);
    assertThat(c.namespace()).isEqualTo("default");
    assertThat(c.requestTimeout()).isZero();
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.isHttps()).isTrue();
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> ClientConfig.forServer("127.0.0.1:6443"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientConfig.forServer("http://a").withRateLimits(5, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientConfig.forServer("https://a").withTls(null, "cert", null, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secretsStayOutOfToString() {
    String text =
        ClientConfig.forServer("https://a")
            .withToken("s3cr3t")
            .withTls("ca", "cert", "PRIVATE KEY", false)
            .toString();
    assertThat(text).doesNotContain("s3cr3t").doesNotContain("PRIVATE KEY").contains("<redacted>");
  }
}
