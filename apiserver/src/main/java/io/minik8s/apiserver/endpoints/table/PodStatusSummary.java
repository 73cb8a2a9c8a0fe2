package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What kubectl shows of a pod's state, computed as upstream's printPod: ready containers out of all
 * (restartable init containers, i.e. sidecars, included), the STATUS reason, and restarts with the
 * time of the last one.
 *
 * @param ready containers (and started sidecars) that are ready
 * @param total regular containers plus sidecars
 * @param reason the STATUS cell: the phase, or a more telling reason ("ContainerCreating",
 *     "Init:0/1", "CrashLoopBackOff", "Completed", "Terminating", ...)
 * @param restarts restarts counted as upstream counts them
 * @param lastRestart when the most recent counted restart ended its previous run, or null
 */
record PodStatusSummary(int ready, int total, String reason, int restarts, Instant lastRestart) {
  /** The pod reason the node lifecycle controller sets on pods of an unreachable node. */
  static final String NODE_LOST = "NodeLost";

  static PodStatusSummary of(Pod pod) {
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    String phase = Cells.str(status.getPhase());
    String reason =
        status.getReason() == null || status.getReason().isEmpty() ? phase : status.getReason();
    for (PodCondition c : Cells.list(status.getConditions())) {
      if ("PodScheduled".equals(c.getType()) && "SchedulingGated".equals(c.getReason())) {
        reason = "SchedulingGated";
      }
    }

    List<Container> initContainers = Cells.list(spec.getInitContainers());
    Map<String, Boolean> sidecars = new HashMap<>();
    int total = Cells.list(spec.getContainers()).size();
    for (Container c : initContainers) {
      boolean sidecar = "Always".equals(c.getRestartPolicy());
      sidecars.put(c.getName(), sidecar);
      if (sidecar) {
        total++;
      }
    }

    int ready = 0;
    int restarts = 0;
    int sidecarRestarts = 0;
    Instant lastRestart = null;
    Instant lastSidecarRestart = null;
    boolean initializing = false;
    List<ContainerStatus> initStatuses = Cells.list(status.getInitContainerStatuses());
    for (int i = 0; i < initStatuses.size(); i++) {
      ContainerStatus cs = initStatuses.get(i);
      boolean sidecar = sidecars.getOrDefault(cs.getName(), false);
      restarts += restartCount(cs);
      lastRestart = later(lastRestart, lastFinished(cs));
      if (sidecar) {
        sidecarRestarts += restartCount(cs);
        lastSidecarRestart = later(lastSidecarRestart, lastFinished(cs));
      }
      ContainerState state = cs.getState() == null ? new ContainerState() : cs.getState();
      ContainerStateTerminated terminated = state.getTerminated();
      if (terminated != null && Cells.num(terminated.getExitCode()) == 0) {
        continue; // this init container is done
      }
      if (sidecar && Boolean.TRUE.equals(cs.getStarted())) {
        if (Boolean.TRUE.equals(cs.getReady())) {
          ready++;
        }
        continue; // a running sidecar does not hold initialization
      }
      if (terminated != null) {
        reason = "Init:" + terminationReason(terminated);
      } else if (state.getWaiting() != null
          && !Cells.str(state.getWaiting().getReason()).isEmpty()
          && !"PodInitializing".equals(state.getWaiting().getReason())) {
        reason = "Init:" + state.getWaiting().getReason();
      } else {
        reason = "Init:" + i + "/" + initContainers.size();
      }
      initializing = true;
      break;
    }

    if (!initializing || hasTrueCondition(status, "Initialized")) {
      // once initialized, only sidecar restarts count besides the regular containers'
      restarts = sidecarRestarts;
      lastRestart = lastSidecarRestart;
      boolean hasRunning = false;
      List<ContainerStatus> statuses = Cells.list(status.getContainerStatuses());
      // upstream walks the statuses backwards, so the first container's reason wins
      for (int i = statuses.size() - 1; i >= 0; i--) {
        ContainerStatus cs = statuses.get(i);
        restarts += restartCount(cs);
        lastRestart = later(lastRestart, lastFinished(cs));
        ContainerState state = cs.getState() == null ? new ContainerState() : cs.getState();
        if (state.getWaiting() != null && !Cells.str(state.getWaiting().getReason()).isEmpty()) {
          reason = state.getWaiting().getReason();
        } else if (state.getTerminated() != null) {
          reason = terminationReason(state.getTerminated());
        } else if (Boolean.TRUE.equals(cs.getReady()) && state.getRunning() != null) {
          hasRunning = true;
          ready++;
        }
      }
      if (reason.equals("Completed") && hasRunning) {
        reason = hasTrueCondition(status, "Ready") ? "Running" : "NotReady";
      }
    }

    boolean deleting =
        pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null;
    if (deleting && NODE_LOST.equals(status.getReason())) {
      reason = "Unknown";
    } else if (deleting && !phase.equals("Failed") && !phase.equals("Succeeded")) {
      reason = "Terminating";
    }
    return new PodStatusSummary(ready, total, reason, restarts, lastRestart);
  }

  /** The READY cell, e.g. "1/2". */
  String readyCell() {
    return ready + "/" + total;
  }

  /** The RESTARTS cell: "0", or "3 (5m ago)" when the last restart's time is known. */
  String restartsCell(Instant now) {
    if (restarts != 0 && lastRestart != null) {
      return restarts
          + " ("
          + HumanDuration.format(java.time.Duration.between(lastRestart, now))
          + " ago)";
    }
    return String.valueOf(restarts);
  }

  private static String terminationReason(ContainerStateTerminated terminated) {
    if (!Cells.str(terminated.getReason()).isEmpty()) {
      return terminated.getReason();
    }
    int signal = (int) Cells.num(terminated.getSignal());
    return signal != 0 ? "Signal:" + signal : "ExitCode:" + Cells.num(terminated.getExitCode());
  }

  private static int restartCount(ContainerStatus cs) {
    return (int) Cells.num(cs.getRestartCount());
  }

  private static Instant lastFinished(ContainerStatus cs) {
    if (cs.getLastState() == null || cs.getLastState().getTerminated() == null) {
      return null;
    }
    return HumanDuration.parse(cs.getLastState().getTerminated().getFinishedAt());
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b != null && b.isAfter(a) ? b : a;
  }

  private static boolean hasTrueCondition(PodStatus status, String type) {
    for (PodCondition c : Cells.list(status.getConditions())) {
      if (type.equals(c.getType()) && "True".equals(c.getStatus())) {
        return true;
      }
    }
    return false;
  }
}
