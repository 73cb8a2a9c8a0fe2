package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.client.KubeClient;
import io.minik8s.client.ResourceClient;
import java.util.HashMap;
import java.util.Map;

/** A {@link KubeClient} over one {@link FakeResourceClient} per resource class. */
final class FakeKubeClient implements KubeClient {
  private final Map<Class<?>, FakeResourceClient<?>> resources = new HashMap<>();

  @SuppressWarnings("unchecked")
  synchronized <T extends HasMetadata> FakeResourceClient<T> fake(Class<T> type) {
    return (FakeResourceClient<T>)
        resources.computeIfAbsent(type, t -> new FakeResourceClient<>(type));
  }

  @Override
  public <T extends HasMetadata> ResourceClient<T> resources(Class<T> type) {
    return fake(type);
  }

  @SuppressWarnings("unchecked")
  @Override
  public ResourceClient<HasMetadata> resources(ResourceType type) {
    return (ResourceClient<HasMetadata>) (ResourceClient<?>) fake(type.type());
  }

  @Override
  public ResourceRegistry registry() {
    return ResourceRegistry.builtIn();
  }

  @Override
  public io.minik8s.client.PodOperations pods() {
    throw new AssertionError("this fake serves no pod subresources");
  }

  @Override
  public io.minik8s.client.ScaleOperations scales(
      Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> type) {
    throw new AssertionError("this fake serves no scale subresource");
  }

  @Override
  public String server() {
    return "fake://";
  }

  @Override
  public void close() {}
}
