package io.minik8s.client.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.minik8s.client.workqueue.Blocked;
import io.minik8s.client.workqueue.ManualClock;
import io.minik8s.client.workqueue.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ControllerTest {
  private static final ObjectKey A = new ObjectKey("ns", "a");
  private static final ObjectKey B = new ObjectKey("ns", "b");
  private static final ObjectKey C = new ObjectKey("ns", "c");

  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final FakeInformer<Pod> pods = new FakeInformer<>();
  private final RecordingReconciler reconciler = new RecordingReconciler();
  private Controller controller;

  @AfterEach
  void stop() {
    if (controller != null) {
      controller.stop();
    }
  }

  @Test
  void waitsUntilEveryInformerHasSyncedBeforeReconciling() {
    FakeInformer<Pod> other = new FakeInformer<>();
    controller = builder().watches(pods).watches(other).build();
    controller.start();
    pods.add(pod("a"));
    pods.markSynced();

    assertThat(controller.queueLength()).isEqualTo(1);
    assertThat(controller.isRunning()).isFalse();
    assertThat(controller.hasSynced()).isFalse();
    assertThat(reconciler.calls).isEmpty();

    other.markSynced();

    await().atMost(Duration.ofSeconds(5)).until(() -> reconciler.calls.contains(A));
    assertThat(controller.hasSynced()).isTrue();
    assertThat(controller.isRunning()).isTrue();
  }

  @Test
  void reconcilesTheKeyOfEveryAddedUpdatedAndDeletedObject() {
    startSynced(builder().watches(pods));

    pods.add(pod("a"));
    pods.update(pod("b"), pod("b"));
    pods.delete(pod("c"), true);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> reconciler.calls.containsAll(List.of(A, B, C)));
  }

  @Test
  void enqueuesTheOldAndTheNewOwnerOfAMappedObject() {
    startSynced(
        builder()
            .watches(
                pods,
                pod ->
                    pod.getMetadata().getOwnerReferences().stream()
                        .map(o -> new ObjectKey(pod.getMetadata().getNamespace(), o.getName()))
                        .toList()));

    pods.update(ownedPod("p", "rs-old"), ownedPod("p", "rs-new"));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                reconciler.calls.containsAll(
                    List.of(new ObjectKey("ns", "rs-old"), new ObjectKey("ns", "rs-new"))));
    assertThat(reconciler.calls).doesNotContain(new ObjectKey("ns", "p"));
  }

  @Test
  void retriesAFailingKeyWithExponentialBackoffAndForgetsItOnSuccess() {
    AtomicReference<Boolean> failing = new AtomicReference<>(true);
    reconciler.answer(
        key -> {
          if (failing.get()) {
            throw new IllegalStateException("boom");
          }
          return Result.done();
        });
    startSynced(builder().watches(pods));

    pods.add(pod("a"));
    awaitRetryScheduledAfter(Duration.ofMillis(5));
    scheduler.advance(Duration.ofMillis(5));
    awaitRetryScheduledAfter(Duration.ofMillis(10));
    scheduler.advance(Duration.ofMillis(10));
    awaitRetryScheduledAfter(Duration.ofMillis(20));
    assertThat(reconciler.count(A)).isEqualTo(3);

    failing.set(false);
    scheduler.advance(Duration.ofMillis(20));
    await().atMost(Duration.ofSeconds(5)).until(() -> reconciler.count(A) == 4);
    failing.set(true);
    pods.update(pod("a"), pod("a"));

    // the success forgot the failures: the next one backs off from the base delay again
    awaitRetryScheduledAfter(Duration.ofMillis(5));
  }

  @Test
  void requeueAfterReconcilesTheKeyAgainAfterExactlyThatDelay() {
    reconciler.answer(key -> Result.requeueAfter(Duration.ofSeconds(30)));
    startSynced(builder().watches(pods));

    pods.add(pod("a"));
    awaitRetryScheduledAfter(Duration.ofSeconds(30));
    scheduler.advance(Duration.ofSeconds(29));
    assertThat(reconciler.count(A)).isEqualTo(1);
    scheduler.advance(Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(5)).until(() -> reconciler.count(A) == 2);
  }

  @Test
  void requeueReconcilesTheKeyAgainAfterItsBackoff() {
    reconciler.answer(key -> Result.requeue());
    startSynced(builder().watches(pods));

    pods.add(pod("a"));
    awaitRetryScheduledAfter(Duration.ofMillis(5));
    scheduler.advance(Duration.ofMillis(5));

    awaitRetryScheduledAfter(Duration.ofMillis(10));
  }

  @Test
  void neverReconcilesOneKeyInTwoWorkersAtOnceButRunsDifferentKeysInParallel() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Set<ObjectKey> inFlight = ConcurrentHashMap.newKeySet();
    Set<ObjectKey> overlapped = ConcurrentHashMap.newKeySet();
    reconciler.answer(
        key -> {
          if (!inFlight.add(key)) {
            overlapped.add(key);
          }
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.remove(key);
          return Result.done();
        });
    startSynced(builder().watches(pods).workers(4));

    pods.add(pod("a"));
    pods.add(pod("b"));
    pods.add(pod("c"));
    await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.size() == 3);
    pods.update(pod("a"), pod("a"));
    pods.update(pod("a"), pod("a"));

    // a's change waits for a's reconcile although a worker is idle
    assertThat(controller.queueLength()).isZero();
    assertThat(reconciler.count(A)).isEqualTo(1);
    release.countDown();

    await().atMost(Duration.ofSeconds(5)).until(() -> reconciler.count(A) == 2);
    assertThat(overlapped).isEmpty();
  }

  @Test
  void stopWaitsForTheReconcileInProgressAndRemovesTheHandlers() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    reconciler.answer(
        key -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Result.done();
        });
    startSynced(builder().watches(pods));
    pods.add(pod("a"));
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    Thread stopper = new Thread(controller::stop);
    stopper.start();
    Blocked.await(stopper);
    assertThat(stopper.isAlive()).isTrue();
    assertThat(pods.handlerCount()).isZero();

    release.countDown();
    stopper.join(5_000);

    assertThat(stopper.isAlive()).isFalse();
    assertThat(controller.isRunning()).isFalse();
    pods.add(pod("b"));
    controller.enqueue(B);
    assertThat(controller.queueLength()).isZero();
    assertThat(reconciler.calls).containsExactly(A);
  }

  @Test
  void startsOnlyOnce() {
    controller = builder().watches(pods).build();
    controller.start();

    assertThatThrownBy(controller::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void needsASchedulerForItsDelayedRetries() {
    assertThatThrownBy(() -> Controller.builder("c", reconciler).build())
        .isInstanceOf(IllegalStateException.class);
  }

  private ControllerBuilder builder() {
    return Controller.builder("test", reconciler).clock(clock).scheduler(scheduler);
  }

  private void startSynced(ControllerBuilder builder) {
    pods.markSynced();
    controller = builder.build();
    controller.start();
    await().atMost(Duration.ofSeconds(5)).until(controller::isRunning);
  }

  private void awaitRetryScheduledAfter(Duration delay) {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(scheduler.pendingDelays()).containsExactly(delay));
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName(name)
        .endMetadata()
        .build();
  }

  private static Pod ownedPod(String name, String owner) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName(name)
        .withOwnerReferences(
            new OwnerReferenceBuilder().withKind("ReplicaSet").withName(owner).build())
        .endMetadata()
        .build();
  }
}
