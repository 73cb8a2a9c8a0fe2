package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fluent pod fixtures for printer tests: {@code pod("app").phase("Running").status(...)}. */
final class PodFixture {
  /** The time every printer test prints at. */
  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private final List<Container> containers = new ArrayList<>();
  private final List<Container> initContainers = new ArrayList<>();
  private final List<ContainerStatus> statuses = new ArrayList<>();
  private final List<ContainerStatus> initStatuses = new ArrayList<>();
  private final List<PodCondition> conditions = new ArrayList<>();
  private String phase = "Pending";
  private String reason;
  private boolean deleting;

  static PodFixture pod(String... containerNames) {
    PodFixture f = new PodFixture();
    for (String name : containerNames) {
      f.containers.add(new ContainerBuilder().withName(name).withImage("nginx").build());
    }
    return f;
  }

  PodFixture init(String... names) {
    for (String name : names) {
      initContainers.add(new ContainerBuilder().withName(name).withImage("busybox").build());
    }
    return this;
  }

  /** A restartable init container (restartPolicy Always): a sidecar. */
  PodFixture sidecar(String name) {
    initContainers.add(
        new ContainerBuilder()
            .withName(name)
            .withImage("envoy")
            .withRestartPolicy("Always")
            .build());
    return this;
  }

  PodFixture phase(String phase) {
    this.phase = phase;
    return this;
  }

  PodFixture reason(String reason) {
    this.reason = reason;
    return this;
  }

  PodFixture condition(String type, String status) {
    return condition(type, status, null);
  }

  PodFixture condition(String type, String status, String reason) {
    conditions.add(
        new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).build());
    return this;
  }

  PodFixture status(ContainerStatus... s) {
    statuses.addAll(List.of(s));
    return this;
  }

  PodFixture initStatus(ContainerStatus... s) {
    initStatuses.addAll(List.of(s));
    return this;
  }

  PodFixture deleting() {
    deleting = true;
    return this;
  }

  Pod obj() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .withCreationTimestamp(NOW.minus(Duration.ofMinutes(5)).toString())
        .withDeletionTimestamp(deleting ? NOW.plusSeconds(30).toString() : null)
        .endMetadata()
        .withNewSpec()
        .withContainers(containers)
        .withInitContainers(initContainers)
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .withReason(reason)
        .withConditions(conditions)
        .withContainerStatuses(statuses)
        .withInitContainerStatuses(initStatuses)
        .endStatus()
        .build();
  }

  static ContainerStatus running(String name, boolean ready) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withReady(ready)
        .withStarted(true)
        .withRestartCount(0)
        .withNewState()
        .withNewRunning()
        .withStartedAt(NOW.minusSeconds(60).toString())
        .endRunning()
        .endState()
        .build();
  }

  static ContainerStatus waiting(String name, String reason) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withReady(false)
        .withRestartCount(0)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .endWaiting()
        .endState()
        .build();
  }

  static ContainerStatus terminated(String name, String reason, int exitCode, int signal) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withReady(false)
        .withRestartCount(0)
        .withNewState()
        .withNewTerminated()
        .withReason(reason)
        .withExitCode(exitCode)
        .withSignal(signal == 0 ? null : signal)
        .withFinishedAt(NOW.minusSeconds(10).toString())
        .endTerminated()
        .endState()
        .build();
  }

  /** The status after {@code count} restarts, the last run having ended {@code ago} ago. */
  static ContainerStatus restarted(ContainerStatus status, int count, Duration ago) {
    return new ContainerStatusBuilder(status)
        .withRestartCount(count)
        .withNewLastState()
        .withNewTerminated()
        .withExitCode(1)
        .withReason("Error")
        .withFinishedAt(NOW.minus(ago).toString())
        .endTerminated()
        .endLastState()
        .build();
  }

  /** A restart count without a known time of the last restart. */
  static ContainerStatus restartCount(ContainerStatus status, int count) {
    return new ContainerStatusBuilder(status).withRestartCount(count).build();
  }
}
