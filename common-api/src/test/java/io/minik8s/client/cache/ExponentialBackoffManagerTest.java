package io.minik8s.client.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExponentialBackoffManagerTest {
  private final TestClock clock = new TestClock();

  private ExponentialBackoffManager backoff(double random) {
    return new ExponentialBackoffManager(
        Duration.ofMillis(800),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        2.0,
        1.0,
        clock,
        () -> random);
  }

  static Stream<Arguments> delays() {
    return Stream.of(
        Arguments.of(1, 800L),
        Arguments.of(2, 1_600L),
        Arguments.of(3, 3_200L),
        Arguments.of(4, 6_400L),
        Arguments.of(5, 12_800L),
        Arguments.of(6, 25_600L),
        Arguments.of(7, 30_000L),
        Arguments.of(20, 30_000L));
  }

  @ParameterizedTest(name = "attempt {0} waits {1} ms")
  @MethodSource("delays")
  void delaysDoubleFrom800MillisecondsUpTo30Seconds(int attempt, long millis) {
    ExponentialBackoffManager backoff = backoff(0);
    Duration delay = Duration.ZERO;
    for (int i = 0; i < attempt; i++) {
      clock.advance(Duration.ofSeconds(1));
      delay = backoff.next();
    }
    assertThat(delay).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void jitterAddsUpToTheDelayItself() {
    ExponentialBackoffManager backoff = backoff(0.5);

    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(1_200));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(2_400));
  }

  @Test
  void startsOverAfterTwoMinutesWithoutFailures() {
    ExponentialBackoffManager backoff = backoff(0);
    backoff.next();
    backoff.next();
    backoff.next();

    clock.advance(Duration.ofMinutes(2).plusSeconds(1));

    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(800));
  }
}
