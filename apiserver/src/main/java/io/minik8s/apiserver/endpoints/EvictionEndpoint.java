package io.minik8s.apiserver.endpoints;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import io.minik8s.api.ApiException;
import io.minik8s.api.selector.LabelSelector;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.registry.DeleteOptionsView;
import io.minik8s.apiserver.registry.GenericStore;
import io.minik8s.apiserver.registry.Registry;
import io.minik8s.apiserver.registry.SpecStatus;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.Preconditions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * POST pods/{name}/eviction (policy/v1 Eviction), upstream's EvictionREST: a pod that is not
 * running, or already terminating, is deleted at once; otherwise the one PodDisruptionBudget that
 * selects it must allow a disruption, which the eviction consumes (status.disruptionsAllowed - 1,
 * the pod recorded in status.disruptedPods) before the pod is deleted; a budget that allows none
 * answers 429 TooManyRequests.
 */
final class EvictionEndpoint {
  private final Registry registry;

  EvictionEndpoint(Registry registry) {
    this.registry = registry;
  }

  CompletableFuture<Object> create(RequestInfo info, ApiRequest request, boolean dryRun) {
    Eviction eviction = BodyCodec.decode(BodyCodec.tree(request), "policy/v1", "Eviction",
        Eviction.class);
    String name = info.name();
    if (eviction.getMetadata().getName() != null && !eviction.getMetadata().getName().isEmpty()
        && !eviction.getMetadata().getName().equals(name)) {
      throw ApiException.badRequest("name in URL does not match name in Eviction object");
    }
    DeleteOptions options = eviction.getDeleteOptions();
    DeleteOptionsView delete = new DeleteOptionsView(
        options == null ? null : options.getGracePeriodSeconds(),
        options == null || options.getPreconditions() == null
            ? null : options.getPreconditions().getUid(),
        options == null || options.getPreconditions() == null
            ? null : options.getPreconditions().getResourceVersion(),
        options == null ? null : options.getPropagationPolicy(), dryRun);
    GenericStore pods = registry.store("", "pods");
    GenericStore budgets = registry.store("policy", "poddisruptionbudgets");
    String ns = info.namespace();
    return pods.get(ns, name).thenCompose(object -> {
      Pod pod = (Pod) object;
      if (canIgnoreBudget(pod)) {
        return pods.delete(ns, name, delete).thenApply(r -> success());
      }
      return budgets.list(ns, new ListRequest("0", null, 0, null, null, null))
          .thenCompose(page -> {
            List<PodDisruptionBudget> matching = page.items().stream()
                .map(o -> (PodDisruptionBudget) o)
                .filter(pdb -> selects(pdb, pod))
                .toList();
            if (matching.isEmpty()) {
              return pods.delete(ns, name, delete).thenApply(r -> success());
            }
            if (matching.size() > 1) {
              throw ApiException.internal("This pod has more than one PodDisruptionBudget, which"
                  + " the eviction subresource does not support.");
            }
            PodDisruptionBudget pdb = matching.get(0);
            checkAllows(pdb);
            if (dryRun) {
              return pods.delete(ns, name, delete).thenApply(r -> success());
            }
            String key = budgets.key(ns, pdb.getMetadata().getName());
            // the budget as read must still hold: a concurrent eviction re-reads and re-checks
            return budgets.storage()
                .guaranteedUpdate(key, new Preconditions(null,
                    pdb.getMetadata().getResourceVersion()), current -> consume(current, name))
                .thenCompose(v -> pods.delete(ns, name, delete))
                .thenApply(r -> success());
          });
    });
  }

  /** Upstream: terminal, pending or terminating pods are not counted by any budget. */
  private static boolean canIgnoreBudget(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return pod.getMetadata().getDeletionTimestamp() != null
        || "Succeeded".equals(phase) || "Failed".equals(phase) || "Pending".equals(phase)
        || phase == null;
  }

  private static boolean selects(PodDisruptionBudget pdb, Pod pod) {
    if (pdb.getSpec() == null || pdb.getSpec().getSelector() == null) {
      return false;
    }
    LabelSelector selector = LabelSelector.from(pdb.getSpec().getSelector());
    return !selector.isEmpty() && selector.matches(pod.getMetadata().getLabels() == null
        ? java.util.Map.of() : pod.getMetadata().getLabels());
  }

  private static void checkAllows(PodDisruptionBudget pdb) {
    PodDisruptionBudgetStatus status = pdb.getStatus();
    long generation = pdb.getMetadata().getGeneration() == null
        ? 0 : pdb.getMetadata().getGeneration();
    if (status == null || status.getObservedGeneration() == null
        || status.getObservedGeneration() < generation) {
      throw tooMany("The disruption budget " + pdb.getMetadata().getName()
          + " is still being processed by the server.", null);
    }
    if (status.getDisruptionsAllowed() == null || status.getDisruptionsAllowed() <= 0) {
      throw tooMany("Cannot evict pod as it would violate the pod's disruption budget.",
          "The disruption budget " + pdb.getMetadata().getName() + " needs "
              + status.getDesiredHealthy() + " healthy pods and has "
              + status.getCurrentHealthy() + " currently");
    }
  }

  private static HasMetadata consume(HasMetadata current, String podName) {
    PodDisruptionBudget pdb = (PodDisruptionBudget) SpecStatus.copy(current);
    PodDisruptionBudgetStatus status = pdb.getStatus();
    status.setDisruptionsAllowed(status.getDisruptionsAllowed() - 1);
    var disrupted = status.getDisruptedPods() == null
        ? new HashMap<String, String>() : new HashMap<>(status.getDisruptedPods());
    disrupted.put(podName, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    status.setDisruptedPods(disrupted);
    pdb.getMetadata().setResourceVersion(null);
    return pdb;
  }

  private static ApiException tooMany(String message, String cause) {
    StatusDetails details = new StatusDetails();
    if (cause != null) {
      StatusCause c = new StatusCause();
      c.setReason("DisruptionBudget");
      c.setMessage(cause);
      details.setCauses(List.of(c));
    }
    return new ApiException(ApiException.failure(429, "TooManyRequests", message, details));
  }

  private static Status success() {
    Status s = new Status();
    s.setApiVersion("v1");
    s.setKind("Status");
    s.setMetadata(new io.fabric8.kubernetes.api.model.ListMeta());
    s.setStatus("Success");
    return s;
  }
}
