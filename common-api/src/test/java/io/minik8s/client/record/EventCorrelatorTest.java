package io.minik8s.client.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.client.workqueue.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCorrelatorTest {
  private final ManualClock clock = new ManualClock();
  private final EventNames names = new EventNames();
  private final EventCorrelator correlator = new EventCorrelator(clock, names);
  private final List<Event> made = new ArrayList<>();
  private final SourceEventRecorder recorder =
      new SourceEventRecorder(
          "kubelet", "node-1", clock, ResourceRegistry.builtIn(), names, made::add);

  @Test
  void countsAnIdenticalEventUnderTheNameOfTheFirst() {
    EventCorrelator.Correlation first = correlate("Pulling", "pulling image");
    correlator.updateState(written(first.event(), "7"));
    clock.advance(Duration.ofSeconds(30));

    EventCorrelator.Correlation second = correlate("Pulling", "pulling image");

    assertThat(first.isRepeat()).isFalse();
    assertThat(second.isRepeat()).isTrue();
    assertThat(second.event().getCount()).isEqualTo(2);
    assertThat(second.event().getMetadata().getName())
        .isEqualTo(first.event().getMetadata().getName());
    assertThat(second.event().getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(second.event().getFirstTimestamp()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(second.event().getLastTimestamp()).isEqualTo("2024-01-01T00:00:30Z");
  }

  @Test
  void treatsADifferentMessageAsANewEventUntilTenArriveWithinTenMinutes() {
    for (int i = 1; i <= 9; i++) {
      assertThat(correlate("Failed", "error " + i).event().getMessage()).isEqualTo("error " + i);
    }

    Event tenth = correlate("Failed", "error 10").event();

    assertThat(tenth.getMessage()).isEqualTo("(combined from similar events): error 10");
    assertThat(tenth.getCount()).isEqualTo(1);
  }

  @Test
  void startsAggregatingAfreshAfterTenQuietMinutes() {
    for (int i = 1; i <= 9; i++) {
      correlate("Failed", "error " + i);
    }
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(correlate("Failed", "error 10").event().getMessage()).isEqualTo("error 10");
  }

  @Test
  void letsASourceBurst25EventsAboutAnObjectThenOneEveryFiveMinutes() {
    int skipped = 0;
    for (int i = 0; i < 30; i++) {
      skipped += correlate("Reason" + i, "m").skip() ? 1 : 0;
    }
    assertThat(skipped).isEqualTo(5);

    clock.advance(Duration.ofMinutes(5));
    assertThat(correlate("Later", "m").skip()).isFalse();
    assertThat(correlate("TooSoon", "m").skip()).isTrue();
  }

  @Test
  void namesEventsAfterTheObjectAndAStrictlyIncreasingTimestamp() {
    Instant now = clock.instant();
    long nanos = now.getEpochSecond() * 1_000_000_000L;

    assertThat(names.next("web", now)).isEqualTo("web." + Long.toHexString(nanos));
    assertThat(names.next("web", now)).isEqualTo("web." + Long.toHexString(nanos + 1));
  }

  private EventCorrelator.Correlation correlate(String reason, String message) {
    recorder.event(
        new PodBuilder().withNewMetadata().withNamespace("ns").withName("p").endMetadata().build(),
        EventType.WARNING,
        reason,
        message);
    return correlator.correlate(made.remove(0));
  }

  private static Event written(Event event, String resourceVersion) {
    return new EventBuilder(event)
        .editMetadata()
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .build();
  }
}
