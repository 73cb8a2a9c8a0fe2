package io.minik8s.api.defaults;

import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's API defaulting, applied by the API server to every object it decodes from a request
 * (create, update, patch result) before validation.
 *
 * <p>Covers Pod, PodTemplate, ReplicationController, Deployment, ReplicaSet, Service, Secret,
 * Endpoints, EndpointSlice, Node and PriorityClass; other kinds are left unchanged. Namespaces get
 * their name label and phase from the API server's strategy, and allocation (cluster IPs, node
 * ports, priority values) is the server's too.
 */
public final class Defaults {
  private Defaults() {}

  /**
   * Fills in upstream's defaults in place. Idempotent: values already set, defaulted or explicit,
   * are kept, so applying it twice changes nothing the second time.
   */
  public static void apply(HasMetadata object) {
    if (object instanceof Pod pod) {
      PodDefaults.pod(pod);
    } else if (object instanceof PodTemplate template) {
      PodDefaults.template(template.getTemplate());
    } else if (object instanceof ReplicationController rc) {
      WorkloadDefaults.replicationController(rc);
    } else if (object instanceof Deployment deployment) {
      WorkloadDefaults.deployment(deployment);
    } else if (object instanceof ReplicaSet replicaSet) {
      WorkloadDefaults.replicaSet(replicaSet);
    } else if (object instanceof Service service) {
      ServiceDefaults.service(service);
    } else if (object instanceof Secret secret) {
      if (isEmpty(secret.getType())) {
        secret.setType("Opaque");
      }
    } else if (object instanceof Endpoints endpoints) {
      endpoints(endpoints);
    } else if (object instanceof EndpointSlice slice) {
      endpointSlice(slice);
    } else if (object instanceof Node node) {
      nodeStatus(node.getStatus());
    } else if (object instanceof PriorityClass priorityClass) {
      if (priorityClass.getPreemptionPolicy() == null) {
        priorityClass.setPreemptionPolicy("PreemptLowerPriority");
      }
    }
  }

  private static void endpoints(Endpoints endpoints) {
    for (EndpointSubset subset : nonNull(endpoints.getSubsets())) {
      for (EndpointPort port : nonNull(subset.getPorts())) {
        if (isEmpty(port.getProtocol())) {
          port.setProtocol("TCP");
        }
      }
    }
  }

  /** discovery/v1 SetDefaults_EndpointPort: an unnamed port gets the name "". */
  private static void endpointSlice(EndpointSlice slice) {
    for (var port : nonNull(slice.getPorts())) {
      if (port.getName() == null) {
        port.setName("");
      }
      if (port.getProtocol() == null) {
        port.setProtocol("TCP");
      }
    }
  }

  /** SetDefaults_NodeStatus: allocatable defaults to capacity; both rounded to millis. */
  private static void nodeStatus(NodeStatus status) {
    if (status == null) {
      return;
    }
    // fabric8 models hold empty maps where upstream's hold nil ones
    if ((status.getAllocatable() == null || status.getAllocatable().isEmpty())
        && status.getCapacity() != null
        && !status.getCapacity().isEmpty()) {
      Map<String, Quantity> allocatable = new LinkedHashMap<>();
      status
          .getCapacity()
          .forEach((name, q) -> allocatable.put(name, new Quantity(q.getAmount(), q.getFormat())));
      status.setAllocatable(allocatable);
    }
    ResourceLists.roundUpToMilli(status.getCapacity());
    ResourceLists.roundUpToMilli(status.getAllocatable());
  }

  /** Whether a string field is unset, as upstream's {@code == ""} test. */
  static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
