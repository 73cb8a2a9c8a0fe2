package io.minik8s.apiserver.registry.namespace;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.registry.ResourceStrategy;
import io.minik8s.apiserver.registry.SpecStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's namespace strategy: new namespaces get spec.finalizers [kubernetes], phase Active and
 * the kubernetes.io/metadata.name label; deleting one turns it Terminating until PUT
 * namespaces/{name}/finalize empties spec.finalizers.
 */
public final class NamespaceStrategy implements ResourceStrategy {
  public static final String FINALIZER = "kubernetes";
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  private final ResourceType type;

  public NamespaceStrategy(ResourceType type) {
    this.type = type;
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public void prepareForCreate(HasMetadata object) {
    Namespace ns = (Namespace) object;
    NamespaceSpec spec = ns.getSpec() == null ? new NamespaceSpec() : ns.getSpec();
    if (spec.getFinalizers() == null || !spec.getFinalizers().contains(FINALIZER)) {
      spec.setFinalizers(List.of(FINALIZER));
    }
    ns.setSpec(spec);
    NamespaceStatus status = new NamespaceStatus();
    status.setPhase("Active");
    ns.setStatus(status);
    labelWithName(ns);
  }

  @Override
  public void prepareForUpdate(HasMetadata object, HasMetadata old) {
    Namespace ns = (Namespace) object;
    SpecStatus.copyStatus(old, ns);
    // spec.finalizers change only through the finalize subresource
    NamespaceSpec spec = new NamespaceSpec();
    Namespace previous = (Namespace) old;
    if (previous.getSpec() != null && previous.getSpec().getFinalizers() != null) {
      spec.setFinalizers(List.copyOf(previous.getSpec().getFinalizers()));
    }
    ns.setSpec(spec);
    labelWithName(ns);
  }

  @Override
  public HasMetadata prepareForSubresourceUpdate(
      String subresource, HasMetadata object, HasMetadata old) {
    Namespace next = (Namespace) SpecStatus.copy(old);
    Namespace requested = (Namespace) object;
    if ("finalize".equals(subresource)) {
      NamespaceSpec spec = new NamespaceSpec();
      spec.setFinalizers(
          requested.getSpec() == null || requested.getSpec().getFinalizers() == null
              ? List.of()
              : List.copyOf(requested.getSpec().getFinalizers()));
      next.setSpec(spec);
    } else if ("status".equals(subresource)) {
      SpecStatus.copyStatus(requested, next);
    } else {
      throw io.minik8s.api.ApiException.methodNotAllowed();
    }
    next.getMetadata().setResourceVersion(requested.getMetadata().getResourceVersion());
    return next;
  }

  @Override
  public boolean deferDeletion(HasMetadata current) {
    Namespace ns = (Namespace) current;
    return ns.getSpec() != null
        && ns.getSpec().getFinalizers() != null
        && !ns.getSpec().getFinalizers().isEmpty();
  }

  @Override
  public void prepareForDeferredDeletion(HasMetadata object) {
    Namespace ns = (Namespace) object;
    NamespaceStatus status = ns.getStatus() == null ? new NamespaceStatus() : ns.getStatus();
    status.setPhase("Terminating");
    ns.setStatus(status);
  }

  private static void labelWithName(Namespace ns) {
    Map<String, String> labels =
        ns.getMetadata().getLabels() == null
            ? new HashMap<>()
            : new HashMap<>(ns.getMetadata().getLabels());
    labels.put(NAME_LABEL, ns.getMetadata().getName());
    ns.getMetadata().setLabels(labels);
  }
}
