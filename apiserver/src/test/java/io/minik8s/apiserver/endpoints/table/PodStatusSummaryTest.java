package io.minik8s.apiserver.endpoints.table;

import static io.minik8s.apiserver.endpoints.table.PodFixture.NOW;
import static io.minik8s.apiserver.endpoints.table.PodFixture.pod;
import static io.minik8s.apiserver.endpoints.table.PodFixture.restartCount;
import static io.minik8s.apiserver.endpoints.table.PodFixture.restarted;
import static io.minik8s.apiserver.endpoints.table.PodFixture.running;
import static io.minik8s.apiserver.endpoints.table.PodFixture.terminated;
import static io.minik8s.apiserver.endpoints.table.PodFixture.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The READY, STATUS and RESTARTS cells of a catalogue of pod states, as upstream prints them. */
class PodStatusSummaryTest {

  static Stream<Arguments> pods() {
    return Stream.of(
        row("unscheduled", pod("app").obj(), "0/1", "Pending", "0"),
        row(
            "image being pulled",
            pod("app").status(waiting("app", "ContainerCreating")).obj(),
            "0/1",
            "ContainerCreating",
            "0"),
        row(
            "running and ready",
            pod("app").phase("Running").status(running("app", true)).obj(),
            "1/1",
            "Running",
            "0"),
        row(
            "running, not ready yet",
            pod("app").phase("Running").status(running("app", false)).obj(),
            "0/1",
            "Running",
            "0"),
        row(
            "two of three ready",
            pod("a", "b", "c")
                .phase("Running")
                .status(running("a", true), running("b", true), running("c", false))
                .obj(),
            "2/3",
            "Running",
            "0"),
        row(
            "crash looping with the time of the last restart",
            pod("app")
                .phase("Running")
                .status(restarted(waiting("app", "CrashLoopBackOff"), 5, Duration.ofMinutes(5)))
                .obj(),
            "0/1",
            "CrashLoopBackOff",
            "5 (5m ago)"),
        row(
            "restarted, running again",
            pod("app")
                .phase("Running")
                .status(restarted(running("app", true), 2, Duration.ofSeconds(90)))
                .obj(),
            "1/1",
            "Running",
            "2 (90s ago)"),
        row(
            "restarts without a last termination time",
            pod("app").phase("Running").status(restartCount(running("app", true), 3)).obj(),
            "1/1",
            "Running",
            "3"),
        row(
            "image pull error",
            pod("app").status(waiting("app", "ErrImagePull")).obj(),
            "0/1",
            "ErrImagePull",
            "0"),
        row(
            "image pull back-off",
            pod("app").status(waiting("app", "ImagePullBackOff")).obj(),
            "0/1",
            "ImagePullBackOff",
            "0"),
        row(
            "completed",
            pod("app").phase("Succeeded").status(terminated("app", "Completed", 0, 0)).obj(),
            "0/1",
            "Completed",
            "0"),
        row(
            "failed with an error",
            pod("app").phase("Failed").status(terminated("app", "Error", 1, 0)).obj(),
            "0/1",
            "Error",
            "0"),
        row(
            "out of memory",
            pod("app")
                .phase("Running")
                .status(restarted(terminated("app", "OOMKilled", 137, 0), 1, Duration.ofHours(3)))
                .obj(),
            "0/1",
            "OOMKilled",
            "1 (3h ago)"),
        row(
            "terminated without a reason: exit code",
            pod("app").phase("Failed").status(terminated("app", "", 3, 0)).obj(),
            "0/1",
            "ExitCode:3",
            "0"),
        row(
            "terminated without a reason: signal",
            pod("app").phase("Failed").status(terminated("app", null, 137, 9)).obj(),
            "0/1",
            "Signal:9",
            "0"),
        row(
            "first container's reason wins",
            pod("a", "b")
                .phase("Running")
                .status(waiting("a", "CrashLoopBackOff"), running("b", true))
                .obj(),
            "1/2",
            "CrashLoopBackOff",
            "0"),
        row(
            "one container completed, another still running and the pod ready",
            pod("job", "sidecar")
                .phase("Running")
                .condition("Ready", "True")
                .status(terminated("job", "Completed", 0, 0), running("sidecar", true))
                .obj(),
            "1/2",
            "Running",
            "0"),
        row(
            "one container completed, another running, pod not ready",
            pod("job", "sidecar")
                .phase("Running")
                .condition("Ready", "False")
                .status(terminated("job", "Completed", 0, 0), running("sidecar", true))
                .obj(),
            "1/2",
            "NotReady",
            "0"),
        row(
            "init containers not reported yet",
            pod("app").init("setup", "migrate").obj(),
            "0/1",
            "Pending",
            "0"),
        row(
            "first init container running",
            pod("app")
                .init("setup", "migrate")
                .initStatus(running("setup", false), waiting("migrate", "PodInitializing"))
                .status(waiting("app", "PodInitializing"))
                .obj(),
            "0/1",
            "Init:0/2",
            "0"),
        row(
            "first init container done, second running",
            pod("app")
                .init("setup", "migrate")
                .initStatus(terminated("setup", "Completed", 0, 0), running("migrate", false))
                .status(waiting("app", "PodInitializing"))
                .obj(),
            "0/1",
            "Init:1/2",
            "0"),
        row(
            "init container waiting for PodInitializing counts as not started",
            pod("app").init("setup").initStatus(waiting("setup", "PodInitializing")).obj(),
            "0/1",
            "Init:0/1",
            "0"),
        row(
            "init container crash looping",
            pod("app")
                .init("setup")
                .initStatus(
                    restarted(waiting("setup", "CrashLoopBackOff"), 4, Duration.ofMinutes(2)))
                .status(waiting("app", "PodInitializing"))
                .obj(),
            "0/1",
            "Init:CrashLoopBackOff",
            "4 (2m ago)"),
        row(
            "init container failed",
            pod("app").init("setup").initStatus(terminated("setup", "Error", 1, 0)).obj(),
            "0/1",
            "Init:Error",
            "0"),
        row(
            "init container failed without a reason",
            pod("app").init("setup").initStatus(terminated("setup", "", 2, 0)).obj(),
            "0/1",
            "Init:ExitCode:2",
            "0"),
        row(
            "init container killed by a signal",
            pod("app").init("setup").initStatus(terminated("setup", "", 137, 9)).obj(),
            "0/1",
            "Init:Signal:9",
            "0"),
        row(
            "started sidecar counts as ready, its restarts count",
            pod("app")
                .sidecar("proxy")
                .phase("Running")
                .condition("Initialized", "True")
                .initStatus(restartCount(running("proxy", true), 1))
                .status(restartCount(running("app", true), 2))
                .obj(),
            "2/2",
            "Running",
            "3"),
        row(
            "terminating",
            pod("app").phase("Running").status(running("app", true)).deleting().obj(),
            "1/1",
            "Terminating",
            "0"),
        row(
            "finished pods do not show Terminating",
            pod("app")
                .phase("Succeeded")
                .status(terminated("app", "Completed", 0, 0))
                .deleting()
                .obj(),
            "0/1",
            "Completed",
            "0"),
        row(
            "deleted on a lost node",
            pod("app")
                .phase("Running")
                .reason("NodeLost")
                .status(running("app", true))
                .deleting()
                .obj(),
            "1/1",
            "Unknown",
            "0"),
        row(
            "lost node without deletion shows the reason",
            pod("app").phase("Running").reason("NodeLost").obj(),
            "0/1",
            "NodeLost",
            "0"),
        row("evicted", pod("app").phase("Failed").reason("Evicted").obj(), "0/1", "Evicted", "0"),
        row(
            "scheduling gated",
            pod("app").condition("PodScheduled", "False", "SchedulingGated").obj(),
            "0/1",
            "SchedulingGated",
            "0"));
  }

  private static Arguments row(String name, Pod pod, String ready, String status, String restarts) {
    return Arguments.of(name, pod, ready, status, restarts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void printsReadyStatusAndRestartsAsUpstream(
      String name, Pod pod, String ready, String status, String restarts) {
    PodStatusSummary summary = PodStatusSummary.of(pod);
    assertThat(summary.readyCell()).as("ready").isEqualTo(ready);
    assertThat(summary.reason()).as("status").isEqualTo(status);
    assertThat(summary.restartsCell(NOW)).as("restarts").isEqualTo(restarts);
  }
}
