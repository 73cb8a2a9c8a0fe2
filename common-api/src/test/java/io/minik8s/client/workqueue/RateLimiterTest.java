package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void exponentialBackoffDoublesFromTheBasePerItemUntilTheMaximum() {
    var limiter =
        new ItemExponentialFailureRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(1));

    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      delays.add(limiter.when("a"));
    }

    assertThat(delays)
        .containsExactly(
            ms(5), ms(10), ms(20), ms(40), ms(80), ms(160), ms(320), ms(640), ms(1000), ms(1000));
    assertThat(limiter.when("b")).isEqualTo(ms(5));
    assertThat(limiter.numRequeues("a")).isEqualTo(10);
    assertThat(limiter.numRequeues("b")).isEqualTo(1);
  }

  @Test
  void exponentialBackoffStartsOverAfterForget() {
    var limiter =
        new ItemExponentialFailureRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(1));
    limiter.when("a");
    limiter.when("a");

    limiter.forget("a");

    assertThat(limiter.numRequeues("a")).isZero();
    assertThat(limiter.when("a")).isEqualTo(ms(5));
  }

  @Test
  void exponentialBackoffStaysAtTheMaximumAfterVeryManyFailures() {
    var limiter =
        new ItemExponentialFailureRateLimiter<String>(
            Duration.ofMillis(5), Duration.ofSeconds(1000));

    IntStream.range(0, 2000).forEach(i -> limiter.when("a"));

    assertThat(limiter.when("a")).isEqualTo(Duration.ofSeconds(1000));
  }

  @Test
  void bucketAllowsItsBurstThenSpacesRetriesAtItsRate() {
    var limiter = new BucketRateLimiter<String>(10, 100, clock);

    for (int i = 0; i < 100; i++) {
      assertThat(limiter.when("item-" + i)).as("retry %d", i).isZero();
    }

    assertThat(limiter.when("x")).isEqualTo(ms(100));
    assertThat(limiter.when("y")).isEqualTo(ms(200));
    assertThat(limiter.numRequeues("x")).isZero();
  }

  @Test
  void bucketRefillsAtItsRateUpToItsBurst() {
    var limiter = new BucketRateLimiter<String>(10, 100, clock);
    for (int i = 0; i < 102; i++) {
      limiter.when("item");
    }

    // one second pays back the two reserved tokens and adds eight
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 8; i++) {
      assertThat(limiter.when("item")).isZero();
    }
    assertThat(limiter.when("item")).isEqualTo(ms(100));

    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.when("item")).isZero();
    }
    assertThat(limiter.when("item")).isEqualTo(ms(100));
  }

  @Test
  void defaultControllerRateLimiterTakesTheLongerOfBackoffAndBucket() {
    RateLimiter<String> limiter = RateLimiter.defaultControllerRateLimiter(clock);

    // a failing item backs off exponentially while the bucket still has tokens
    assertThat(limiter.when("a")).isEqualTo(ms(5));
    assertThat(limiter.when("a")).isEqualTo(ms(10));
    assertThat(limiter.numRequeues("a")).isEqualTo(2);
    // once 100 retries have used up the bucket, a first failure waits for a token
    for (int i = 0; i < 98; i++) {
      limiter.when("item-" + i);
    }
    assertThat(limiter.when("b")).isEqualTo(ms(100));

    limiter.forget("a");
    assertThat(limiter.numRequeues("a")).isZero();
  }

  @Test
  void maxOfNeedsAtLeastOneLimiter() {
    assertThatThrownBy(() -> new MaxOfRateLimiter<String>(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
