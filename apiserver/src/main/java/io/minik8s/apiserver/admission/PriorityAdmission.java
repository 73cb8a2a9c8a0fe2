package io.minik8s.apiserver.admission;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.minik8s.api.ApiException;
import io.minik8s.apiserver.registry.GenericStore;
import io.minik8s.apiserver.storage.ListRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Upstream's Priority plugin: a new pod's spec.priority comes from its priorityClassName (or the
 * global default class, else 0); an unknown class is refused (403).
 */
public final class PriorityAdmission implements AdmissionPlugin {
  private final GenericStore priorityClasses;

  public PriorityAdmission(GenericStore priorityClasses) {
    this.priorityClasses = priorityClasses;
  }

  @Override
  public CompletableFuture<Void> admit(AdmissionRequest request) {
    Pod pod = request.createdPod();
    if (pod == null) {
      return CompletableFuture.completedFuture(null);
    }
    String className = pod.getSpec().getPriorityClassName();
    if (className == null || className.isEmpty()) {
      return priorityClasses
          .list("", new ListRequest("0", null, 0, null, null, null))
          .thenAccept(
              page -> {
                for (var item : page.items()) {
                  PriorityClass pc = (PriorityClass) item;
                  if (Boolean.TRUE.equals(pc.getGlobalDefault())) {
                    pod.getSpec().setPriorityClassName(pc.getMetadata().getName());
                    apply(pod, pc);
                    return;
                  }
                }
                if (pod.getSpec().getPriority() == null) {
                  pod.getSpec().setPriority(0);
                }
              });
    }
    return priorityClasses
        .get("", className)
        .handle(
            (object, error) -> {
              if (error != null) {
                throw ApiException.forbidden(
                    "",
                    "pods",
                    request.name(),
                    "no PriorityClass with name " + className + " was found");
              }
              apply(pod, (PriorityClass) object);
              return null;
            });
  }

  private static void apply(Pod pod, PriorityClass pc) {
    pod.getSpec().setPriority(pc.getValue());
    if (pod.getSpec().getPreemptionPolicy() == null) {
      pod.getSpec().setPreemptionPolicy(
          pc.getPreemptionPolicy() == null ? "PreemptLowerPriority" : pc.getPreemptionPolicy());
    }
  }
}
