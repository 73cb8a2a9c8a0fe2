package io.minik8s.client.rest;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.client.LogOptions;
import io.minik8s.client.PodOperations;
import java.io.InputStream;

/** Pod binding, eviction and logs over {@link RestClient}. */
final class RestPodOperations implements PodOperations {
  private final RestClient rest;
  private final ResourceType pods;

  RestPodOperations(RestClient rest, ResourceRegistry registry) {
    this.rest = rest;
    this.pods = registry.findByClass(Pod.class).orElseThrow();
  }

  @Override
  public void bind(String namespace, String podName, String nodeName) {
    Binding binding =
        new BindingBuilder()
            .withNewMetadata()
            .withName(podName)
            .withNamespace(namespace)
            .endMetadata()
            .withNewTarget()
            .withApiVersion("v1")
            .withKind("Node")
            .withName(nodeName)
            .endTarget()
            .build();
    rest.send(
        "POST",
        RequestPaths.subresource(pods, namespace, podName, "binding"),
        RestResourceClient.encode(binding),
        "application/json");
  }

  @Override
  public void evict(String namespace, String podName, DeleteOptions options) {
    Eviction eviction =
        new EvictionBuilder()
            .withNewMetadata()
            .withName(podName)
            .withNamespace(namespace)
            .endMetadata()
            .withDeleteOptions(options)
            .build();
    rest.send(
        "POST",
        RequestPaths.subresource(pods, namespace, podName, "eviction"),
        RestResourceClient.encode(eviction),
        "application/json");
  }

  @Override
  public InputStream log(String namespace, String podName, LogOptions options) {
    return rest.stream(
        RequestPaths.subresource(pods, namespace, podName, "log") + RequestPaths.query(options),
        "text/plain, */*");
  }
}
