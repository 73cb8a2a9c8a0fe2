package io.minik8s.apiserver.endpoints;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.registry.GenericStore;
import io.minik8s.apiserver.registry.Registry;
import io.minik8s.apiserver.registry.SpecStatus;
import io.minik8s.apiserver.registry.StorageErrors;
import io.minik8s.apiserver.storage.Preconditions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * POST pods/{name}/binding and POST bindings: assigns a pod to a node (upstream's
 * BindingREST.assignPod): sets spec.nodeName, copies the binding's annotations and marks the pod
 * PodScheduled; a pod already bound, or being deleted, is a 409 Conflict.
 */
final class BindingEndpoint {
  private final Registry registry;

  BindingEndpoint(Registry registry) {
    this.registry = registry;
  }

  CompletableFuture<Object> create(RequestInfo info, ApiRequest request, ResourceType type) {
    if (!info.verb().equals("create")) {
      throw ApiException.methodNotAllowed();
    }
    ResourceType bindingType = registry.types().findByClass(Binding.class).orElseThrow();
    Binding binding = (Binding) BodyCodec.decode(request, bindingType);
    String podName = info.subresource().equals("binding") ? info.name()
        : binding.getMetadata().getName();
    if (binding.getMetadata().getName() != null && !binding.getMetadata().getName().isEmpty()
        && !binding.getMetadata().getName().equals(podName)) {
      throw ApiException.badRequest("name in URL does not match name in Binding object");
    }
    if (binding.getTarget() == null || binding.getTarget().getName() == null
        || binding.getTarget().getName().isEmpty()) {
      throw ApiException.invalid("", "Binding", podName, List.of(),
          List.of("target.name: Required value"));
    }
    String node = binding.getTarget().getName();
    GenericStore pods = registry.store("", "pods");
    String key = pods.key(info.namespace(), podName);
    return pods.storage()
        .guaranteedUpdate(key, Preconditions.NONE, current -> assign((Pod) current, binding, node))
        .handle((pod, error) -> {
          if (error != null) {
            throw new java.util.concurrent.CompletionException(
                StorageErrors.translate(error, pods.type(), podName));
          }
          return (Object) success(podName);
        });
  }

  private static HasMetadata assign(Pod current, Binding binding, String node) {
    String name = current.getMetadata().getName();
    if (current.getMetadata().getDeletionTimestamp() != null) {
      throw ApiException.conflict("", "pods/binding", name,
          "pod " + name + " is being deleted, cannot be assigned to a host");
    }
    String bound = current.getSpec() == null ? null : current.getSpec().getNodeName();
    if (bound != null && !bound.isEmpty()) {
      throw ApiException.conflict("", "pods/binding", name,
          "pod " + name + " is already assigned to node \"" + bound + "\"");
    }
    Pod pod = SpecStatus.deepCopy(current);
    pod.getSpec().setNodeName(node);
    if (binding.getMetadata().getAnnotations() != null) {
      var annotations = pod.getMetadata().getAnnotations() == null
          ? new HashMap<String, String>() : new HashMap<>(pod.getMetadata().getAnnotations());
      annotations.putAll(binding.getMetadata().getAnnotations());
      pod.getMetadata().setAnnotations(annotations);
    }
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    List<PodCondition> conditions = new ArrayList<>();
    if (status.getConditions() != null) {
      status.getConditions().stream()
          .filter(c -> !"PodScheduled".equals(c.getType()))
          .forEach(conditions::add);
    }
    PodCondition scheduled = new PodCondition();
    scheduled.setType("PodScheduled");
    scheduled.setStatus("True");
    scheduled.setLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    conditions.add(scheduled);
    status.setConditions(conditions);
    pod.setStatus(status);
    pod.getMetadata().setResourceVersion(null);
    return pod;
  }

  private static io.fabric8.kubernetes.api.model.Status success(String name) {
    io.fabric8.kubernetes.api.model.Status s = new io.fabric8.kubernetes.api.model.Status();
    s.setApiVersion("v1");
    s.setKind("Status");
    s.setMetadata(new io.fabric8.kubernetes.api.model.ListMeta());
    s.setStatus("Success");
    s.setCode(201);
    return s;
  }
}
