package io.minik8s.client.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.client.ConnectionException;
import io.minik8s.client.leaderelection.InMemoryResourceClient;
import io.minik8s.client.workqueue.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EventBroadcasterTest {
  private final ManualClock clock = new ManualClock();
  private final InMemoryResourceClient<Event> events = new InMemoryResourceClient<>(Event.class);
  private EventBroadcaster broadcaster = broadcaster(100, Duration.ofMillis(10));
  private final Pod pod =
      new PodBuilder()
          .withNewMetadata()
          .withNamespace("ns")
          .withName("web-1")
          .withUid("uid-1")
          .withResourceVersion("42")
          .endMetadata()
          .build();

  @AfterEach
  void close() {
    broadcaster.close();
  }

  @Test
  void writesAnEventDescribingTheObjectAndItsSource() {
    broadcaster.start();

    recorder().event(pod, EventType.NORMAL, "Scheduled", "Successfully assigned ns/web-1");

    Event e = awaitStored(1).get(0);
    long nanos = clock.instant().getEpochSecond() * 1_000_000_000L;
    assertThat(e.getMetadata().getName()).isEqualTo("web-1." + Long.toHexString(nanos));
    assertThat(e.getMetadata().getNamespace()).isEqualTo("ns");
    assertThat(e.getInvolvedObject().getKind()).isEqualTo("Pod");
    assertThat(e.getInvolvedObject().getApiVersion()).isEqualTo("v1");
    assertThat(e.getInvolvedObject().getNamespace()).isEqualTo("ns");
    assertThat(e.getInvolvedObject().getName()).isEqualTo("web-1");
    assertThat(e.getInvolvedObject().getUid()).isEqualTo("uid-1");
    assertThat(e.getInvolvedObject().getResourceVersion()).isEqualTo("42");
    assertThat(e.getType()).isEqualTo("Normal");
    assertThat(e.getReason()).isEqualTo("Scheduled");
    assertThat(e.getMessage()).isEqualTo("Successfully assigned ns/web-1");
    assertThat(e.getFirstTimestamp()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(e.getLastTimestamp()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(e.getCount()).isEqualTo(1);
    assertThat(e.getSource().getComponent()).isEqualTo("default-scheduler");
    assertThat(e.getSource().getHost()).isEqualTo("host-a");
    assertThat(e.getReportingComponent()).isEqualTo("default-scheduler");
    assertThat(e.getReportingInstance()).isEqualTo("host-a");
  }

  @Test
  void putsEventsAboutClusterScopedObjectsInTheDefaultNamespace() {
    broadcaster.start();

    recorder()
        .eventf(
            new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().build(),
            EventType.WARNING,
            "NodeNotReady",
            "Node %s status is now: %s",
            "node-1",
            "NodeNotReady");

    Event e = awaitStored(1).get(0);
    assertThat(e.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(e.getInvolvedObject().getKind()).isEqualTo("Node");
    assertThat(e.getMessage()).isEqualTo("Node node-1 status is now: NodeNotReady");
    assertThat(e.getType()).isEqualTo("Warning");
  }

  @Test
  void countsARepeatIntoTheSameEventByUpdateWhenPatchIsNotServed() {
    broadcaster.start();
    recorder().event(pod, EventType.WARNING, "BackOff", "Back-off restarting failed container");
    awaitStored(1);

    clock.advance(Duration.ofSeconds(5));
    recorder().event(pod, EventType.WARNING, "BackOff", "Back-off restarting failed container");
    clock.advance(Duration.ofSeconds(5));
    recorder().event(pod, EventType.WARNING, "BackOff", "Back-off restarting failed container");

    eventually().until(() -> events.stored().get(0).getCount() == 3);
    Event e = events.stored().get(0);
    assertThat(events.stored()).hasSize(1);
    assertThat(e.getFirstTimestamp()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(e.getLastTimestamp()).isEqualTo("2024-01-01T00:00:10Z");
    assertThat(events.calls()).containsExactly("create", "patch", "get", "update", "get", "update");
  }

  @Test
  void countsARepeatByPatchWhereTheServerServesIt() {
    events.servePatch(true);
    broadcaster.start();
    recorder().event(pod, EventType.WARNING, "BackOff", "Back-off");
    awaitStored(1);

    clock.advance(Duration.ofSeconds(5));
    recorder().event(pod, EventType.WARNING, "BackOff", "Back-off");

    eventually().until(() -> events.stored().get(0).getCount() == 2);
    assertThat(events.stored().get(0).getLastTimestamp()).isEqualTo("2024-01-01T00:00:05Z");
    assertThat(events.calls()).containsExactly("create", "patch");
  }

  @Test
  void createsARepeatAgainWhenItsEventWasDeleted() {
    broadcaster.start();
    recorder().event(pod, EventType.NORMAL, "Pulled", "Image pulled");
    Event first = awaitStored(1).get(0);
    events.delete("ns", first.getMetadata().getName(), null);

    recorder().event(pod, EventType.NORMAL, "Pulled", "Image pulled");

    Event again = awaitStored(1).get(0);
    assertThat(again.getMetadata().getName()).isEqualTo(first.getMetadata().getName());
    assertThat(again.getCount()).isEqualTo(2);
  }

  @Test
  void aggregatesSimilarEventsOnceTenDifferentMessagesArrive() {
    broadcaster.start();
    for (int i = 1; i <= 11; i++) {
      recorder().event(pod, EventType.WARNING, "FailedMount", "volume " + i + " failed");
    }

    eventually().until(() -> events.stored().size() == 10 && countOf("(combined") == 2);
    assertThat(events.stored())
        .filteredOn(e -> e.getMessage().startsWith("(combined from similar events): "))
        .singleElement()
        .satisfies(
            e -> {
              // the repeat carries the latest message, as upstream's patch does
              assertThat(e.getMessage()).endsWith("volume 11 failed");
              assertThat(e.getCount()).isEqualTo(2);
            });
  }

  @Test
  void skipsEventsBeyondASourcesBurstAboutOneObjectUntilTheBucketRefills() {
    broadcaster.start();
    for (int i = 0; i < 30; i++) {
      recorder().event(pod, EventType.NORMAL, "Reason" + i, "message");
    }
    eventually().until(() -> broadcaster.queued() == 0 && events.stored().size() == 25);

    clock.advance(Duration.ofMinutes(5));
    recorder().event(pod, EventType.NORMAL, "Later", "message");
    recorder().event(pod, EventType.NORMAL, "TooSoon", "message");

    eventually().until(() -> events.stored().size() == 26);
    assertThat(events.stored())
        .extracting(Event::getReason)
        .contains("Later")
        .doesNotContain("TooSoon", "Reason25");
  }

  @Test
  void retriesWhileTheServerCannotBeReached() {
    events.failWith(() -> new ConnectionException("connection refused", null));
    broadcaster.start();
    recorder().event(pod, EventType.NORMAL, "Started", "Started container");

    eventually().until(() -> events.calls().size() >= 3);
    events.failWith(null);

    awaitStored(1);
  }

  @Test
  void doesNotRetryAnEventTheServerRejected() {
    broadcaster.close();
    broadcaster = broadcaster(100, Duration.ofHours(1));
    AtomicInteger rejections = new AtomicInteger(1);
    events.failWith(
        () -> {
          if (rejections.getAndDecrement() > 0) {
            return ApiException.badRequest("bad event");
          }
          return null;
        });
    broadcaster.start();

    recorder().event(pod, EventType.NORMAL, "Rejected", "first");
    recorder().event(pod, EventType.NORMAL, "Accepted", "second");

    // a retry of the first would wait up to an hour before the second
    assertThat(awaitStored(1).get(0).getReason()).isEqualTo("Accepted");
  }

  @Test
  void dropsEventsWhenItsQueueIsFullInsteadOfBlocking() {
    broadcaster.close();
    broadcaster = broadcaster(2, Duration.ofMillis(10));

    for (int i = 0; i < 5; i++) {
      recorder().event(pod, EventType.NORMAL, "Reason" + i, "message");
    }

    assertThat(broadcaster.queued()).isEqualTo(2);
    broadcaster.start();
    awaitStored(2);
    assertThat(events.stored()).extracting(Event::getReason).containsExactly("Reason0", "Reason1");
  }

  @Test
  void closeWritesWhatIsQueuedThenAcceptsNothing() {
    for (int i = 0; i < 3; i++) {
      recorder().event(pod, EventType.NORMAL, "Reason" + i, "message");
    }
    broadcaster.start();

    broadcaster.close();
    recorder().event(pod, EventType.NORMAL, "AfterClose", "message");

    assertThat(events.stored()).hasSize(3);
    assertThat(broadcaster.queued()).isZero();
  }

  private EventBroadcaster broadcaster(int queueLength, Duration retryInterval) {
    return new EventBroadcaster(
        events,
        ResourceRegistry.builtIn(),
        clock,
        r -> new Thread(r, "events"),
        queueLength,
        retryInterval,
        Duration.ofSeconds(10));
  }

  private EventRecorder recorder() {
    return broadcaster.newRecorder("default-scheduler", "host-a");
  }

  private long countOf(String messagePrefix) {
    return events.stored().stream()
        .filter(e -> e.getMessage().startsWith(messagePrefix))
        .mapToInt(Event::getCount)
        .sum();
  }

  private List<Event> awaitStored(int n) {
    eventually().until(() -> events.stored().size() == n);
    return events.stored();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5));
  }
}
