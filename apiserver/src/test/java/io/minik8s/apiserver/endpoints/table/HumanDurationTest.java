package io.minik8s.apiserver.endpoints.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "-PT3S, <invalid>",
    "-PT2S, <invalid>",
    "-PT1.5S, 0s",
    "-PT1S, 0s",
    "PT0S, 0s",
    "PT0.9S, 0s",
    "PT1S, 1s",
    "PT59S, 59s",
    "PT1M, 60s",
    "PT1M59S, 119s",
    "PT2M, 2m",
    "PT3M20S, 3m20s",
    "PT9M59S, 9m59s",
    "PT10M, 10m",
    "PT10M59S, 10m",
    "PT2H59M, 179m",
    "PT3H, 3h",
    "PT3H1M, 3h1m",
    "PT7H59M, 7h59m",
    "PT8H, 8h",
    "PT25H, 25h",
    "PT47H59M, 47h",
    "PT48H, 2d",
    "PT76H, 3d4h",
    "PT191H, 7d23h",
    "PT192H, 8d",
    "PT17519H, 729d",
    "PT17520H, 2y",
    "PT17544H, 2y1d",
    "PT70079H, 7y364d",
    "PT70080H, 8y",
    "PT876000H, 100y",
  })
  void formatsAsUpstreamHumanDuration(Duration d, String expected) {
    assertThat(HumanDuration.format(d)).isEqualTo(expected);
  }

  @Test
  void agesOfTimestampsAreMeasuredAgainstTheGivenTime() {
    Instant now = Instant.parse("2024-05-01T12:00:00Z");
    assertThat(HumanDuration.since("2024-05-01T11:56:40Z", now)).isEqualTo("3m20s");
    assertThat(HumanDuration.since("2024-05-01T11:59:30.500000Z", now)).isEqualTo("29s");
    assertThat(HumanDuration.since("2024-05-01T13:00:00+02:00", now)).isEqualTo("60m");
  }

  @Test
  void missingOrUnreadableTimestampsAreUnknown() {
    Instant now = Instant.parse("2024-05-01T12:00:00Z");
    assertThat(HumanDuration.since(null, now)).isEqualTo("<unknown>");
    assertThat(HumanDuration.since("", now)).isEqualTo("<unknown>");
    assertThat(HumanDuration.since("yesterday", now)).isEqualTo("<unknown>");
  }
}
