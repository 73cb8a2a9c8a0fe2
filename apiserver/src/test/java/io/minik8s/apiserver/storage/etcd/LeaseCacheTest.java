package io.minik8s.apiserver.storage.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseCacheTest {
  @ParameterizedTest(name = "ttl {0}s reuses a lease for {1}s")
  @CsvSource({"2, 0", "19, 0", "20, 1", "3600, 60", "100000, 60"})
  void reusesLeasesForFivePercentOfTheirTtlAtMostAMinute(long ttl, long reuseSeconds) {
    assertThat(LeaseCache.reuseWindow(ttl)).isEqualTo(Duration.ofSeconds(reuseSeconds));
  }
}
