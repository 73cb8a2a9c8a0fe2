package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Many producers and workers on one queue: no key is ever processed by two workers at once, and
 * every key's last processing saw its last change (a key added while it was processed is processed
 * again afterwards).
 */
@Timeout(30)
class WorkQueueConcurrencyTest {
  private static final int KEYS = 20;
  private static final int PRODUCERS = 4;
  private static final int CHANGES_PER_PRODUCER = 5_000;
  private static final int WORKERS = 8;

  @RepeatedTest(3)
  void neverProcessesAKeyTwiceAtOnceAndAlwaysProcessesItsLastChange() throws Exception {
    FifoWorkQueue<String> queue = new FifoWorkQueue<>(Clock.systemUTC(), WorkQueueMetrics.NOOP);
    Map<String, AtomicInteger> version = new ConcurrentHashMap<>();
    Map<String, Integer> lastSeen = new ConcurrentHashMap<>();
    Map<String, Thread> inFlight = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger processed = new AtomicInteger();
    for (int k = 0; k < KEYS; k++) {
      version.put("key-" + k, new AtomicInteger());
    }

    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                  Optional<String> item;
                  while ((item = queue.get()).isPresent()) {
                    String key = item.get();
                    if (inFlight.putIfAbsent(key, Thread.currentThread()) != null) {
                      overlaps.incrementAndGet();
                    }
                    // what a reconcile reads: the latest state at the time it runs
                    lastSeen.put(key, version.get(key).get());
                    Thread.yield();
                    inFlight.remove(key);
                    processed.incrementAndGet();
                    queue.done(key);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "worker-" + w);
      worker.start();
      workers.add(worker);
    }
    List<Thread> producers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      int seed = p;
      Thread producer =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < CHANGES_PER_PRODUCER; i++) {
                  String key = "key-" + ((i * 7 + seed) % KEYS);
                  version.get(key).incrementAndGet();
                  queue.add(key);
                }
              },
              "producer-" + p);
      producer.start();
      producers.add(producer);
    }

    start.countDown();
    for (Thread producer : producers) {
      producer.join();
    }
    // producers are finished: what is queued is still handed out, then workers see the end
    assertThat(queue.shutDownWithDrain(Duration.ofSeconds(20))).isTrue();
    for (Thread worker : workers) {
      worker.join(TimeUnit.SECONDS.toMillis(20));
      assertThat(worker.isAlive()).isFalse();
    }

    assertThat(overlaps).hasValue(0);
    version.forEach((key, v) -> assertThat(lastSeen.get(key)).as(key).isEqualTo(v.get()));
    assertThat(processed.get()).isPositive();
  }
}
