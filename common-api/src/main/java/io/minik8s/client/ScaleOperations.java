package io.minik8s.client;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;

/**
 * The {@code scale} subresource (autoscaling/v1 Scale) of deployments, replicasets and
 * replicationcontrollers, as {@code kubectl scale} and autoscalers use it. Obtained from {@link
 * KubeClient#scales(Class)}; same error contract as {@link ResourceClient}.
 */
public interface ScaleOperations {

  /** GET {@code .../{name}/scale}. */
  Scale getScale(String namespace, String name);

  /**
   * PUT {@code .../{name}/scale}: sets spec.replicas (optimistic concurrency on the Scale's
   * resourceVersion when set).
   */
  Scale updateScale(String namespace, String name, Scale scale);
}
