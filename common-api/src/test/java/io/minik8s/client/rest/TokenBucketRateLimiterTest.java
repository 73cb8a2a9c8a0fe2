package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket under a fake ticker: no real time passes. */
class TokenBucketRateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RecordingSleeper sleeper = new RecordingSleeper();

  private TokenBucketRateLimiter limiter(double qps, int burst) {
    return new TokenBucketRateLimiter(qps, burst, now::get, sleeper);
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void aFullBucketLetsABurstThroughWithoutWaiting() {
    TokenBucketRateLimiter l = limiter(5, 10);
    for (int i = 0; i < 10; i++) {
      assertThat(l.reserve()).isZero();
    }
    assertThat(l.reserve()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void callersBeyondTheBurstQueueUpOneIntervalApartInArrivalOrder() {
    TokenBucketRateLimiter l = limiter(5, 2);
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waits.add(l.reserve());
    }
    assertThat(waits)
        .containsExactly(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(600));
  }

  @Test
  void tokensRefillAtQpsUpToTheBurst() {
    TokenBucketRateLimiter l = limiter(10, 3);
    for (int i = 0; i < 3; i++) {
      l.reserve();
    }
    advance(Duration.ofMillis(100));
    assertThat(l.reserve()).as("one token came back").isZero();
    assertThat(l.reserve()).isEqualTo(Duration.ofMillis(100));

    advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertThat(l.reserve()).as("the bucket holds at most the burst").isZero();
    }
    assertThat(l.reserve()).isPositive();
  }

  @Test
  void sustainedRateMatchesQps() {
    TokenBucketRateLimiter l = limiter(50, 1);
    Duration total = Duration.ZERO;
    for (int i = 0; i < 100; i++) {
      Duration wait = l.reserve();
      advance(wait);
      total = total.plus(wait);
    }
    // 100 requests at 50/s after one free token: 99 intervals of 20 ms
    assertThat(total).isEqualTo(Duration.ofMillis(1980));
  }

  @Test
  void acquireSleepsForTheReservedWait() throws InterruptedException {
    TokenBucketRateLimiter l = limiter(2, 1);
    assertThat(l.acquire()).isZero();
    assertThat(l.acquire()).isEqualTo(Duration.ofMillis(500));
    assertThat(sleeper.waits()).containsExactly(Duration.ZERO, Duration.ofMillis(500));
  }

  @Test
  void nonsenseLimitsAreRejected() {
    assertThatThrownBy(() -> limiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limiter(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
