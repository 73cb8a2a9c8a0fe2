package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScheduledDelayingQueueTest {
  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final ScheduledDelayingQueue<String> queue =
      new ScheduledDelayingQueue<>(new FifoWorkQueue<>(clock, metrics), clock, scheduler, metrics);

  @Test
  void addsAnItemOnlyOnceItsDelayHasPassed() {
    queue.addAfter("a", Duration.ofSeconds(10));

    scheduler.advance(Duration.ofSeconds(9));
    assertThat(queue.len()).isZero();
    assertThat(queue.waitingCount()).isEqualTo(1);

    scheduler.advance(Duration.ofSeconds(1));
    assertThat(queue.len()).isEqualTo(1);
    assertThat(queue.waitingCount()).isZero();
  }

  @Test
  void addsAtOnceWhenTheDelayIsNotPositive() {
    queue.addAfter("a", Duration.ZERO);
    queue.addAfter("b", Duration.ofSeconds(-1));

    assertThat(queue.len()).isEqualTo(2);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aLaterRequestForAWaitingItemDoesNotPostponeIt() {
    queue.addAfter("a", Duration.ofSeconds(5));
    queue.addAfter("a", Duration.ofSeconds(10));

    scheduler.advance(Duration.ofSeconds(5));

    assertThat(queue.len()).isEqualTo(1);
  }

  @Test
  void anEarlierRequestForAWaitingItemMovesItForwardOnce() throws Exception {
    queue.addAfter("a", Duration.ofSeconds(10));
    queue.addAfter("a", Duration.ofSeconds(2));

    scheduler.advance(Duration.ofSeconds(2));
    assertThat(queue.len()).isEqualTo(1);
    queue.done(queue.get().orElseThrow());

    scheduler.advance(Duration.ofSeconds(10));
    assertThat(queue.len()).isZero();
  }

  @Test
  void addsReadyItemsInTheOrderTheyBecameReady() throws Exception {
    queue.addAfter("b", Duration.ofSeconds(3));
    queue.addAfter("a", Duration.ofSeconds(1));
    queue.addAfter("c", Duration.ofSeconds(2));

    scheduler.advance(Duration.ofSeconds(5));

    assertThat(List.of(take(), take(), take())).containsExactly("a", "c", "b");
  }

  @Test
  void keepsOneWakeUpArmedForTheEarliestItem() {
    queue.addAfter("a", Duration.ofSeconds(10));
    queue.addAfter("b", Duration.ofSeconds(20));
    queue.addAfter("c", Duration.ofSeconds(5));

    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(5));

    scheduler.advance(Duration.ofSeconds(5));
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void countsEveryDelayedAddAsARetry() {
    queue.addAfter("a", Duration.ofSeconds(1));
    queue.addAfter("a", Duration.ZERO);

    assertThat(metrics.retries).isEqualTo(2);
  }

  @Test
  void shutDownDropsWaitingItemsAndCancelsTheWakeUp() throws Exception {
    queue.addAfter("a", Duration.ofSeconds(1));

    queue.shutDown();
    scheduler.advance(Duration.ofSeconds(2));

    assertThat(scheduler.pending()).isZero();
    assertThat(queue.len()).isZero();
    assertThat(queue.get()).isEmpty();
    queue.addAfter("b", Duration.ofSeconds(1));
    assertThat(queue.waitingCount()).isZero();
  }

  @Test
  void aBlockedGetterReceivesTheItemWhenARealSchedulerFires() throws Exception {
    ScheduledExecutorService real = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledDelayingQueue<String> timed =
          new ScheduledDelayingQueue<>(
              new FifoWorkQueue<>(Clock.systemUTC(), WorkQueueMetrics.NOOP),
              Clock.systemUTC(),
              real,
              WorkQueueMetrics.NOOP);
      long start = System.nanoTime();

      timed.addAfter("a", Duration.ofMillis(50));

      assertThat(timed.get()).contains("a");
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(49).toNanos());
    } finally {
      real.shutdownNow();
    }
  }

  private String take() throws InterruptedException {
    return queue.get().orElseThrow();
  }
}
