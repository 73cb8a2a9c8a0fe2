package io.minik8s.client.cache;

import static io.minik8s.client.cache.Fixtures.atVersion;
import static io.minik8s.client.cache.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProcessorListenerTest {
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final TestClock clock = new TestClock();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static Notification<ConfigMap> add(int i) {
    return new Notification.Add<>(atVersion(configMap("ns", "cm-" + i), i), false);
  }

  @Test
  void aBlockedHandlerNeitherBlocksTheProducerNorLosesNotificationsAndGetsThemInOrder()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> seen = new ArrayList<>();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    ResourceEventHandler<ConfigMap> slow =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(ConfigMap obj, boolean initial) {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            synchronized (seen) {
              seen.add(obj.getMetadata().getName());
            }
            concurrent.decrementAndGet();
          }
        };
    ProcessorListener<ConfigMap> listener =
        new ProcessorListener<>(slow, Duration.ZERO, executor, clock, l -> {});

    // far more than the initial buffer, all while the handler is stuck on the first
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      listener.add(add(i));
    }
    assertThat(listener.pendingCount()).isGreaterThanOrEqualTo(n - 1);

    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> listener.pendingCount() == 0);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              synchronized (seen) {
                return seen.size() == n;
              }
            });
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add("cm-" + i);
    }
    synchronized (seen) {
      assertThat(seen).isEqualTo(expected);
    }
    assertThat(maxConcurrent.get()).isEqualTo(1);
  }

  @Test
  void aHandlerThatThrowsStillGetsTheNotificationsAfterIt() {
    RecordingHandler<ConfigMap> recorder = new RecordingHandler<>();
    ResourceEventHandler<ConfigMap> flaky =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(ConfigMap obj, boolean initial) {
            recorder.onAdd(obj, initial);
            if (obj.getMetadata().getName().equals("cm-1")) {
              throw new IllegalStateException("boom");
            }
          }
        };
    ProcessorListener<ConfigMap> listener =
        new ProcessorListener<>(flaky, Duration.ZERO, executor, clock, l -> {});

    listener.add(add(1));
    listener.add(add(2));

    assertThat(recorder.next(2)).containsExactly("add ns/cm-1@1", "add ns/cm-2@2");
  }

  @Test
  void aStoppedListenerDeliversNothingMore() throws Exception {
    CountDownLatch inFirst = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> seen = new ArrayList<>();
    ResourceEventHandler<ConfigMap> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(ConfigMap obj, boolean initial) {
            synchronized (seen) {
              seen.add(obj.getMetadata().getName());
            }
            inFirst.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    ProcessorListener<ConfigMap> listener =
        new ProcessorListener<>(handler, Duration.ZERO, executor, clock, l -> {});
    listener.add(add(1));
    listener.add(add(2));
    assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();

    listener.stop();
    listener.add(add(3));
    release.countDown();

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.pendingCount() == 0);
    synchronized (seen) {
      assertThat(seen).containsExactly("cm-1");
    }
  }

  @Test
  void reportsTheLagFromQueueingToTheHandlerCall() {
    List<Duration> lags = new ArrayList<>();
    ProcessorListener<ConfigMap> listener =
        new ProcessorListener<>(
            new ResourceEventHandler<>() {},
            Duration.ZERO,
            r -> {
              clock.advance(Duration.ofMillis(250));
              r.run();
            },
            clock,
            lags::add);

    listener.add(add(1));

    assertThat(lags).containsExactly(Duration.ofMillis(250));
  }
}
