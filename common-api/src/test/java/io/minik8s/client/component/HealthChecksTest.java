package io.minik8s.client.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.client.component.HealthChecks.Endpoint;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

  @Test
  void everyEndpointStartsWithPingAndHealthChecksGoToAllThree() {
    HealthChecks checks = new HealthChecks();
    HealthCheck sync = HealthCheck.of("sync", () -> {});

    checks.addHealthChecks(sync);

    for (Endpoint endpoint : Endpoint.values()) {
      assertThat(checks.checks(endpoint)).containsExactly(HealthCheck.PING, sync);
    }
  }

  @Test
  void livezAndReadyzChecksStayOnTheirEndpoint() {
    HealthChecks checks = new HealthChecks();
    HealthCheck alive = HealthCheck.of("alive", () -> {});
    HealthCheck ready = HealthCheck.of("ready", () -> {});

    checks.addLivezChecks(alive);
    checks.addReadyzChecks(ready);

    assertThat(checks.checks(Endpoint.LIVEZ)).containsExactly(HealthCheck.PING, alive);
    assertThat(checks.checks(Endpoint.READYZ)).containsExactly(HealthCheck.PING, ready);
    assertThat(checks.checks(Endpoint.HEALTHZ)).containsExactly(HealthCheck.PING);
  }

  @Test
  void refusesADuplicateNameOnOneEndpoint() {
    HealthChecks checks = new HealthChecks();
    checks.addReadyzChecks(HealthCheck.of("sync", () -> {}));

    assertThatThrownBy(() -> checks.addHealthChecks(HealthCheck.of("sync", () -> {})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"sync\"");
    assertThat(checks.checks(Endpoint.HEALTHZ))
        .as("nothing added")
        .containsExactly(HealthCheck.PING);
  }

  @Test
  void refusesNamesThatCannotBeAPath() {
    assertThatThrownBy(() -> HealthCheck.of("a/b", () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HealthCheck.of("", () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
