package io.minik8s.apiserver.registry.pod;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.registry.ResourceStrategy;

/** Upstream's pod strategy (pkg/registry/core/pod/strategy.go), for what minik8s serves. */
public final class PodStrategy implements ResourceStrategy {
  private final ResourceType type;

  public PodStrategy(ResourceType type) {
    this.type = type;
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public void prepareForCreate(HasMetadata object) {
    Pod pod = (Pod) object;
    PodStatus status = new PodStatus();
    status.setPhase("Pending");
    status.setQosClass(QosClass.of(pod.getSpec()));
    pod.setStatus(status);
  }

  @Override
  public boolean returnDeletedObject() {
    return true;
  }

  /**
   * Upstream's CheckGracefulDelete: the request's grace period, else the pod's
   * terminationGracePeriodSeconds (30); 0 for pods that never reached a node or already finished,
   * since no kubelet will confirm them.
   */
  @Override
  public long gracePeriodSeconds(HasMetadata object, Long requested) {
    Pod pod = (Pod) object;
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    if (node == null || node.isEmpty()) {
      return 0;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return 0;
    }
    if (requested != null) {
      return Math.max(0, requested);
    }
    Long configured = pod.getSpec().getTerminationGracePeriodSeconds();
    return configured == null ? 30 : configured;
  }
}
