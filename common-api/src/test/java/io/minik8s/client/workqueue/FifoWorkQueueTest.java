package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FifoWorkQueueTest {
  private final ManualClock clock = new ManualClock();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final FifoWorkQueue<String> queue = new FifoWorkQueue<>(clock, metrics);

  @Test
  void handsItemsOutInTheOrderTheyWereAdded() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("c");

    assertThat(List.of(take(), take(), take())).containsExactly("a", "b", "c");
  }

  @Test
  void collapsesAnItemAddedAgainBeforeItIsProcessed() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("a");

    assertThat(queue.len()).isEqualTo(2);
    assertThat(List.of(take(), take())).containsExactly("a", "b");
    assertThat(metrics.adds).isEqualTo(2);
  }

  @Test
  void doesNotHandOutAnItemAddedWhileItIsProcessedUntilItIsDone() throws Exception {
    queue.add("a");
    String first = take();
    queue.add("a");

    assertThat(queue.len()).isZero();
    Call<String> second = inThread(this::take);
    Blocked.await(second.thread());
    assertThat(second.result()).isNotDone();

    queue.done(first);

    assertThat(second.result().get(5, TimeUnit.SECONDS)).isEqualTo("a");
  }

  @Test
  void doesNotHandOutAnItemAgainAfterDoneUnlessItWasAddedMeanwhile() throws Exception {
    queue.add("a");
    queue.done(take());

    assertThat(queue.len()).isZero();
    queue.shutDown();
    assertThat(queue.get()).isEmpty();
  }

  @Test
  void wakesEveryBlockedGetterWithNothingOnShutDown() throws Exception {
    List<Call<Optional<String>>> getters = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      getters.add(inThread(queue::get));
    }
    getters.forEach(g -> Blocked.await(g.thread()));

    queue.shutDown();

    for (Call<Optional<String>> g : getters) {
      assertThat(g.result().get(5, TimeUnit.SECONDS)).isEmpty();
    }
  }

  @Test
  void stillHandsOutQueuedItemsAfterShutDownButIgnoresNewAdds() throws Exception {
    queue.add("a");
    queue.shutDown();
    queue.add("b");

    assertThat(queue.isShuttingDown()).isTrue();
    assertThat(queue.get()).contains("a");
    assertThat(queue.get()).isEmpty();
  }

  @Test
  void shutDownWithDrainWaitsUntilItemsBeingProcessedAreDone() throws Exception {
    queue.add("a");
    String item = take();
    Call<Boolean> drain = inThread(() -> queue.shutDownWithDrain(Duration.ofSeconds(30)));
    Blocked.await(drain.thread());
    assertThat(drain.result()).isNotDone();
    assertThat(queue.isShuttingDown()).isTrue();

    queue.done(item);

    assertThat(drain.result().get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shutDownWithDrainGivesUpAfterItsTimeout() throws Exception {
    queue.add("a");
    take();

    assertThat(queue.shutDownWithDrain(Duration.ofMillis(20))).isFalse();
  }

  @Test
  void shutDownWithDrainReturnsAtOnceWhenNothingIsBeingProcessed() throws Exception {
    queue.add("a");

    assertThat(queue.shutDownWithDrain(Duration.ZERO)).isTrue();
  }

  @Test
  void reportsDepthAddsQueueLatencyAndWorkDuration() throws Exception {
    queue.add("a");
    queue.add("b");
    assertThat(metrics.depth).isEqualTo(2);

    clock.advance(Duration.ofSeconds(3));
    String a = take();
    assertThat(metrics.depth).isEqualTo(1);
    assertThat(metrics.latencies).containsExactly(Duration.ofSeconds(3));

    clock.advance(Duration.ofSeconds(2));
    queue.done(a);
    assertThat(metrics.workDurations).containsExactly(Duration.ofSeconds(2));
    assertThat(metrics.adds).isEqualTo(2);
  }

  private String take() throws InterruptedException {
    return queue.get().orElseThrow();
  }

  private record Call<V>(Thread thread, CompletableFuture<V> result) {}

  /** Runs a blocking call on a thread of its own. */
  private static <V> Call<V> inThread(Callable<V> body) {
    CompletableFuture<V> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(body.call());
              } catch (Exception e) {
                result.completeExceptionally(e);
              }
            });
    thread.setDaemon(true);
    thread.start();
    return new Call<>(thread, result);
  }
}
