package io.minik8s.client;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;

/**
 * The entry point of the client library: typed clients for every served resource over one
 * connection pool, rate limiter and retry policy. Thread-safe; one per process. {@code
 * io.minik8s.client.rest.KubeClients.create(config)} builds the HTTP implementation.
 */
public interface KubeClient extends AutoCloseable {

  /**
   * The typed client of a resource, e.g. {@code resources(Pod.class)}.
   *
   * @throws IllegalArgumentException if the class is not a served resource
   */
  <T extends HasMetadata> ResourceClient<T> resources(Class<T> type);

  /** The typed client of a resource by its registry entry. */
  ResourceClient<HasMetadata> resources(ResourceType type);

  /** The resources this client knows (the built-in registry). */
  ResourceRegistry registry();

  /** The base URL of the API server, e.g. "https://127.0.0.1:6443". */
  String server();

  /** The namespace of the kubeconfig's context ("default" if it names none). */
  default String namespace() {
    return "default";
  }

  /** Pod binding, eviction and logs. */
  PodOperations pods();

  /**
   * The scale subresource of deployments, replicasets or replicationcontrollers.
   *
   * @throws IllegalArgumentException if the resource has no scale subresource
   */
  ScaleOperations scales(Class<? extends HasMetadata> type);

  /** Closes the watches it started and releases its threads. */
  @Override
  void close();
}
