package io.minik8s.apiserver.admission;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs plugins in order; the first refusal wins. */
public final class AdmissionChain implements AdmissionPlugin {
  private final List<AdmissionPlugin> plugins;

  public AdmissionChain(List<AdmissionPlugin> plugins) {
    this.plugins = List.copyOf(plugins);
  }

  @Override
  public CompletableFuture<Void> admit(AdmissionRequest request) {
    CompletableFuture<Void> result = CompletableFuture.completedFuture(null);
    for (AdmissionPlugin plugin : plugins) {
      result = result.thenCompose(v -> plugin.admit(request));
    }
    return result;
  }
}
