package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @ParameterizedTest(name = "{0} with Retry-After {1} -> {2}")
  @CsvSource({
    "429, 3, 3",
    "500, 1, 1",
    "503, 7, 7",
    "504, 0, 0",
    "429, -2, 0",
    "429, 'Wed, 21 Oct 2015 07:28:00 GMT', ",
    "409, 1, ",
    "404, 1, ",
    "200, 1, "
  })
  void onlyA429Or5xxWithRetryAfterSecondsIsRetried(int code, String header, Long seconds) {
    Optional<Duration> wait = policy.retryAfter(code, Optional.ofNullable(header));
    assertThat(wait).isEqualTo(Optional.ofNullable(seconds).map(Duration::ofSeconds));
  }

  @Test
  void withoutRetryAfterNothingIsRetried() {
    assertThat(policy.retryAfter(503, Optional.empty())).isEmpty();
    assertThat(policy.retryAfter(429, Optional.empty())).isEmpty();
  }

  @Test
  void onlyGetsAreRetriedOnRefusedOrResetConnections() {
    assertThat(policy.retriesConnectionFailure("GET", new ConnectException("refused"))).isTrue();
    assertThat(policy.retriesConnectionFailure("GET", new IOException("Connection reset")))
        .isTrue();
    assertThat(
            policy.retriesConnectionFailure(
                "GET", new IOException("HTTP/1.1 header parser received no bytes")))
        .isTrue();
    assertThat(policy.retriesConnectionFailure("GET", new EOFException())).isTrue();
    assertThat(policy.retriesConnectionFailure("POST", new ConnectException("refused"))).isFalse();
    assertThat(policy.retriesConnectionFailure("DELETE", new IOException("Connection reset")))
        .isFalse();
  }

  @Test
  void timeoutsAndOtherFailuresSurface() {
    assertThat(policy.retriesConnectionFailure("GET", new HttpTimeoutException("timed out")))
        .isFalse();
    assertThat(
            policy.retriesConnectionFailure(
                "GET", new HttpConnectTimeoutException("connect timed out")))
        .isFalse();
    assertThat(policy.retriesConnectionFailure("GET", new IOException("PKIX path building")))
        .isFalse();
  }

  @Test
  void connectionBackoffDoublesUpToItsCap() {
    assertThat(policy.connectionBackoff(0)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.connectionBackoff(1)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.connectionBackoff(3)).isEqualTo(Duration.ofMillis(1600));
    assertThat(policy.connectionBackoff(4)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.connectionBackoff(40)).isEqualTo(Duration.ofSeconds(2));
  }
}
