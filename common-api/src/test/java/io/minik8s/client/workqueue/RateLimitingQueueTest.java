package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RateLimitingQueueTest {
  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final RateLimitingQueue<String> queue =
      RateLimitingQueue.create(
          "test",
          RateLimiter.defaultControllerRateLimiter(clock),
          clock,
          scheduler,
          WorkQueueMetricsProvider.NOOP);

  @Test
  void requeuesAFailedItemAfterItsBackoff() throws Exception {
    queue.add("a");
    String a = queue.get().orElseThrow();
    queue.addRateLimited(a);
    queue.done(a);

    scheduler.advance(Duration.ofMillis(4));
    assertThat(queue.len()).isZero();
    scheduler.advance(Duration.ofMillis(1));
    assertThat(queue.len()).isEqualTo(1);
    assertThat(queue.numRequeues("a")).isEqualTo(1);

    queue.done(queue.get().orElseThrow());
    queue.addRateLimited("a");
    scheduler.advance(Duration.ofMillis(9));
    assertThat(queue.len()).isZero();
    scheduler.advance(Duration.ofMillis(1));
    assertThat(queue.len()).isEqualTo(1);
  }

  @Test
  void forgetStartsTheBackoffOver() {
    queue.addRateLimited("a");
    queue.addRateLimited("a");
    queue.addRateLimited("a");

    queue.forget("a");

    assertThat(queue.numRequeues("a")).isZero();
    scheduler.advance(Duration.ofMillis(5));
    assertThat(queue.len()).isEqualTo(1);
  }

  @Test
  void reportsItsMetricsUnderItsName() {
    RecordingMetrics metrics = new RecordingMetrics();
    RateLimitingQueue<String> named =
        RateLimitingQueue.create(
            "pods",
            RateLimiter.defaultControllerRateLimiter(clock),
            clock,
            scheduler,
            name -> name.equals("pods") ? metrics : WorkQueueMetrics.NOOP);

    named.add("a");
    named.addRateLimited("b");

    assertThat(metrics.adds).isEqualTo(1);
    assertThat(metrics.retries).isEqualTo(1);
  }
}
