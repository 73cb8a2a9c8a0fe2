package io.minik8s.client.rest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.client.KubeClient;
import io.minik8s.client.PodOperations;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.ScaleOperations;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link KubeClient} over one {@link RestClient}; typed clients are built once and shared. */
public final class RestKubeClient implements KubeClient {
  private final RestClient rest;
  private final ResourceRegistry registry;
  private final Watches watches = new Watches();
  private final Map<ResourceType, ResourceClient<?>> clients = new ConcurrentHashMap<>();
  private final PodOperations pods;

  public RestKubeClient(RestClient rest, ResourceRegistry registry) {
    this.rest = rest;
    this.registry = registry;
    this.pods = new RestPodOperations(rest, registry);
  }

  /** The raw client underneath, for paths the typed clients do not cover (discovery, ...). */
  public RestClient rest() {
    return rest;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> ResourceClient<T> resources(Class<T> type) {
    ResourceType t =
        registry
            .findByClass(type)
            .orElseThrow(
                () -> new IllegalArgumentException("not a served resource: " + type.getName()));
    return (ResourceClient<T>)
        clients.computeIfAbsent(
            t, k -> new RestResourceClient<>(rest, k, type, namespace(), watches));
  }

  @Override
  @SuppressWarnings("unchecked")
  public ResourceClient<HasMetadata> resources(ResourceType type) {
    return (ResourceClient<HasMetadata>)
        clients.computeIfAbsent(
            type,
            k ->
                new RestResourceClient<>(
                    rest, k, (Class<HasMetadata>) k.type(), namespace(), watches));
  }

  @Override
  public ResourceRegistry registry() {
    return registry;
  }

  @Override
  public String server() {
    return rest.server();
  }

  @Override
  public String namespace() {
    return rest.config().namespace();
  }

  @Override
  public PodOperations pods() {
    return pods;
  }

  @Override
  public ScaleOperations scales(Class<? extends HasMetadata> type) {
    ResourceType t =
        registry
            .findByClass(type)
            .orElseThrow(
                () -> new IllegalArgumentException("not a served resource: " + type.getName()));
    if (!t.hasSubresource("scale")) {
      throw new IllegalArgumentException(t.resource() + " have no scale subresource");
    }
    return new RestScaleOperations(rest, t);
  }

  /** The number of watches still streaming (for tests and diagnostics). */
  public int openWatches() {
    return watches.size();
  }

  @Override
  public void close() {
    watches.closeAll();
  }
}
