package io.minik8s.apiserver.admission;

import io.fabric8.kubernetes.api.model.Namespace;
import io.minik8s.api.ApiException;
import io.minik8s.apiserver.registry.GenericStore;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Upstream's NamespaceLifecycle: no content in a namespace that does not exist (404) or is being
 * terminated (403 on create); the built-in namespaces cannot be deleted.
 */
public final class NamespaceLifecycle implements AdmissionPlugin {
  static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

  private final GenericStore namespaces;

  public NamespaceLifecycle(GenericStore namespaces) {
    this.namespaces = namespaces;
  }

  @Override
  public CompletableFuture<Void> admit(AdmissionRequest request) {
    if (request.type().resource().equals("namespaces")) {
      if (request.operation().equals("DELETE") && IMMORTAL.contains(request.name())) {
        return CompletableFuture.failedFuture(
            ApiException.forbidden(
                "", "namespaces", request.name(), "this namespace may not be deleted"));
      }
      return CompletableFuture.completedFuture(null);
    }
    if (!request.type().namespaced()
        || request.namespace().isEmpty()
        || request.operation().equals("DELETE")) {
      return CompletableFuture.completedFuture(null);
    }
    return namespaces
        .get("", request.namespace())
        .thenAccept(
            object -> {
              Namespace ns = (Namespace) object;
              boolean terminating =
                  ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase());
              if (terminating && request.operation().equals("CREATE")) {
                throw ApiException.forbidden(
                    request.type().group(),
                    request.type().resource(),
                    request.name(),
                    "unable to create new content in namespace "
                        + request.namespace()
                        + " because it is being terminated");
              }
            });
  }
}
