package io.minik8s.client.rest;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.minik8s.api.ResourceType;
import io.minik8s.client.ScaleOperations;

/** The scale subresource of one resource over {@link RestClient}. */
final class RestScaleOperations implements ScaleOperations {
  private final RestClient rest;
  private final ResourceType type;

  RestScaleOperations(RestClient rest, ResourceType type) {
    this.rest = rest;
    this.type = type;
  }

  @Override
  public Scale getScale(String namespace, String name) {
    return rest.send("GET", RequestPaths.subresource(type, namespace, name, "scale"), null, null)
        .as(Scale.class);
  }

  @Override
  public Scale updateScale(String namespace, String name, Scale scale) {
    return rest.send(
            "PUT",
            RequestPaths.subresource(type, namespace, name, "scale"),
            RestResourceClient.encode(scale),
            "application/json")
        .as(Scale.class);
  }
}
