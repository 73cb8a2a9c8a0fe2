package io.minik8s.apiserver.endpoints.table;

import static io.minik8s.apiserver.endpoints.table.PodFixture.NOW;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.meta;
import static io.minik8s.apiserver.endpoints.table.PrinterFixtures.printer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Core Events: times, counts and sources from either event API, as upstream prints them. */
class EventPrinterTest {

  static EventBuilder event() {
    return new EventBuilder()
        .withMetadata(meta("web.17c2a1b2"))
        .withType("Normal")
        .withReason("Scheduled")
        .withMessage(" Successfully assigned default/web to node-1\n")
        .withNewInvolvedObject()
        .withKind("Pod")
        .withName("web")
        .withFieldPath("spec.containers{app}")
        .endInvolvedObject();
  }

  static Stream<Arguments> events() {
    return Stream.of(
        Arguments.of(
            "core event with timestamps",
            event()
                .withFirstTimestamp(NOW.minus(Duration.ofHours(2)).toString())
                .withLastTimestamp(NOW.minus(Duration.ofSeconds(30)).toString())
                .withCount(4)
                .withNewSource()
                .withComponent("kubelet")
                .withHost("node-1")
                .endSource()
                .build(),
            List.of(
                "30s",
                "Normal",
                "Scheduled",
                "pod/web",
                "spec.containers{app}",
                "kubelet, node-1",
                "Successfully assigned default/web to node-1",
                "120m",
                4L,
                "web.17c2a1b2")),
        Arguments.of(
            "events.k8s.io event: eventTime, reporting controller, no count",
            event()
                .withEventTime(new MicroTime(NOW.minusSeconds(45).toString()))
                .withReportingComponent("default-scheduler")
                .build(),
            List.of(
                "45s",
                "Normal",
                "Scheduled",
                "pod/web",
                "spec.containers{app}",
                "default-scheduler",
                "Successfully assigned default/web to node-1",
                "45s",
                1L,
                "web.17c2a1b2")),
        Arguments.of(
            "event series",
            event()
                .withFirstTimestamp(NOW.minus(Duration.ofMinutes(20)).toString())
                .withNewSeries()
                .withCount(7)
                .withLastObservedTime(new MicroTime(NOW.minusSeconds(5).toString()))
                .endSeries()
                .build(),
            List.of(
                "5s",
                "Normal",
                "Scheduled",
                "pod/web",
                "spec.containers{app}",
                "",
                "Successfully assigned default/web to node-1",
                "20m",
                7L,
                "web.17c2a1b2")),
        Arguments.of(
            "event about a kind without name, no times",
            new EventBuilder()
                .withMetadata(meta("e"))
                .withNewInvolvedObject()
                .withKind("Node")
                .endInvolvedObject()
                .build(),
            List.of("<unknown>", "", "", "node", "", "", "", "<unknown>", 1L, "e")));
  }

  @ParameterizedTest(name = "event: {0}")
  @MethodSource("events")
  void printsEvents(String name, HasMetadata event, List<Object> cells) {
    assertThat(printer("/events").cells(event, NOW)).containsExactlyElementsOf(cells);
  }
}
