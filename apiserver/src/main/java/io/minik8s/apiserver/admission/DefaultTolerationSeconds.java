package io.minik8s.apiserver.admission;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Upstream's DefaultTolerationSeconds: new pods tolerate the NoExecute taints
 * node.kubernetes.io/not-ready and unreachable for a default time (300 s), unless they already
 * tolerate them.
 */
public final class DefaultTolerationSeconds implements AdmissionPlugin {
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";

  private final long notReadySeconds;
  private final long unreachableSeconds;

  public DefaultTolerationSeconds(long notReadySeconds, long unreachableSeconds) {
    this.notReadySeconds = notReadySeconds;
    this.unreachableSeconds = unreachableSeconds;
  }

  @Override
  public CompletableFuture<Void> admit(AdmissionRequest request) {
    Pod pod = request.createdPod();
    if (pod == null) {
      return CompletableFuture.completedFuture(null);
    }
    List<Toleration> tolerations =
        pod.getSpec().getTolerations() == null
            ? new ArrayList<>()
            : new ArrayList<>(pod.getSpec().getTolerations());
    addIfMissing(tolerations, NOT_READY, notReadySeconds);
    addIfMissing(tolerations, UNREACHABLE, unreachableSeconds);
    pod.getSpec().setTolerations(tolerations);
    return CompletableFuture.completedFuture(null);
  }

  private static void addIfMissing(List<Toleration> tolerations, String key, long seconds) {
    for (Toleration t : tolerations) {
      boolean matchesKey = key.equals(t.getKey()) || (t.getKey() == null || t.getKey().isEmpty())
          && "Exists".equals(t.getOperator());
      boolean matchesEffect =
          t.getEffect() == null || t.getEffect().isEmpty() || "NoExecute".equals(t.getEffect());
      if (matchesKey && matchesEffect) {
        return;
      }
    }
    Toleration t = new Toleration();
    t.setKey(key);
    t.setOperator("Exists");
    t.setEffect("NoExecute");
    t.setTolerationSeconds(seconds);
    tolerations.add(t);
  }
}
