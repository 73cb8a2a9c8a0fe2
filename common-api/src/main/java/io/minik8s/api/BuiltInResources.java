package io.minik8s.api;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsList;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountList;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetList;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceList;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetList;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The built-in resources and their upstream facts (names, scope, etcd paths, field labels). */
final class BuiltInResources {
  private static final List<String> ALL = List.of("all");
  private static final List<String> STATUS = List.of("status");

  private BuiltInResources() {}

  static List<ResourceType> all() {
    return List.of(
        core("pods", "pod", "Pod", Pod.class, PodList.class, true, List.of("po"), ALL,
            List.of("status", "binding", "log", "exec", "attach", "portforward", "eviction"),
            "pods", podFields()),
        core("nodes", "node", "Node", Node.class, NodeList.class, false, List.of("no"), List.of(),
            List.of("status", "proxy"), "minions",
            Map.of("spec.unschedulable", o -> String.valueOf(
                Boolean.TRUE.equals(((Node) o).getSpec() == null
                    ? null : ((Node) o).getSpec().getUnschedulable())))),
        core("namespaces", "namespace", "Namespace", Namespace.class, NamespaceList.class, false,
            List.of("ns"), List.of(), List.of("status", "finalize"), "namespaces",
            Map.of("status.phase", o -> ((Namespace) o).getStatus() == null
                ? "" : ((Namespace) o).getStatus().getPhase())),
        core("services", "service", "Service", Service.class, ServiceList.class, true,
            List.of("svc"), ALL, List.of("status", "proxy"), "services/specs", Map.of()),
        core("endpoints", "endpoints", "Endpoints", Endpoints.class, EndpointsList.class, true,
            List.of("ep"), List.of(), List.of(), "services/endpoints", Map.of()),
        core("events", "event", "Event", Event.class, EventList.class, true, List.of("ev"),
            List.of(), List.of(), "events", eventFields()),
        core("serviceaccounts", "serviceaccount", "ServiceAccount", ServiceAccount.class,
            ServiceAccountList.class, true, List.of("sa"), List.of(), List.of("token"),
            "serviceaccounts", Map.of()),
        core("replicationcontrollers", "replicationcontroller", "ReplicationController",
            ReplicationController.class, ReplicationControllerList.class, true, List.of("rc"), ALL,
            List.of("status", "scale"), "controllers",
            Map.of("status.replicas", o -> ((ReplicationController) o).getStatus() == null
                ? "" : ResourceType.nz(((ReplicationController) o).getStatus().getReplicas()))),
        core("configmaps", "configmap", "ConfigMap", ConfigMap.class, ConfigMapList.class, true,
            List.of("cm"), List.of(), List.of(), "configmaps", Map.of()),
        core("secrets", "secret", "Secret", Secret.class, SecretList.class, true, List.of(),
            List.of(), List.of(), "secrets", Map.of("type", o -> ((Secret) o).getType())),
        core("bindings", "binding", "Binding", Binding.class, null, true, List.of(),
            List.of(), List.of(), "bindings", Map.of()),
        new ResourceType("apps", "v1", "deployments", "deployment", "Deployment",
            Deployment.class, DeploymentList.class, true, List.of("deploy"), ALL,
            List.of("status", "scale"), "deployments", Map.of()),
        new ResourceType("apps", "v1", "replicasets", "replicaset", "ReplicaSet",
            ReplicaSet.class, ReplicaSetList.class, true, List.of("rs"), ALL,
            List.of("status", "scale"), "replicasets",
            Map.of("status.replicas", o -> ((ReplicaSet) o).getStatus() == null
                ? "" : ResourceType.nz(((ReplicaSet) o).getStatus().getReplicas()))),
        new ResourceType("coordination.k8s.io", "v1", "leases", "lease", "Lease", Lease.class,
            LeaseList.class, true, List.of(), List.of(), List.of(), "leases", Map.of()),
        new ResourceType("discovery.k8s.io", "v1", "endpointslices", "endpointslice",
            "EndpointSlice", EndpointSlice.class, EndpointSliceList.class, true, List.of(),
            List.of(), List.of(), "endpointslices", Map.of()),
        new ResourceType("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget",
            "PodDisruptionBudget", PodDisruptionBudget.class, PodDisruptionBudgetList.class, true,
            List.of("pdb"), List.of(), STATUS, "poddisruptionbudgets", Map.of()),
        new ResourceType("scheduling.k8s.io", "v1", "priorityclasses", "priorityclass",
            "PriorityClass", PriorityClass.class, PriorityClassList.class, false, List.of("pc"),
            List.of(), List.of(), "priorityclasses", Map.of()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResourceType core(
      String resource,
      String singular,
      String kind,
      Class<? extends HasMetadata> type,
      Class listType,
      boolean namespaced,
      List<String> shortNames,
      List<String> categories,
      List<String> subresources,
      String etcdResource,
      Map<String, Function<HasMetadata, String>> fields) {
    return new ResourceType("", "v1", resource, singular, kind, type, listType, namespaced,
        shortNames, categories, subresources, etcdResource, fields);
  }

  private static Map<String, Function<HasMetadata, String>> podFields() {
    Map<String, Function<HasMetadata, String>> f = new LinkedHashMap<>();
    f.put("spec.nodeName", o -> spec((Pod) o).getNodeName());
    f.put("spec.restartPolicy", o -> spec((Pod) o).getRestartPolicy());
    f.put("spec.schedulerName", o -> spec((Pod) o).getSchedulerName());
    f.put("spec.serviceAccountName", o -> spec((Pod) o).getServiceAccountName());
    f.put("spec.hostNetwork", o -> String.valueOf(Boolean.TRUE.equals(spec((Pod) o).getHostNetwork())));
    f.put("status.phase", o -> status((Pod) o).getPhase());
    f.put("status.podIP", o -> status((Pod) o).getPodIP());
    f.put("status.nominatedNodeName", o -> status((Pod) o).getNominatedNodeName());
    return f;
  }

  private static io.fabric8.kubernetes.api.model.PodSpec spec(Pod pod) {
    return pod.getSpec() == null ? new io.fabric8.kubernetes.api.model.PodSpec() : pod.getSpec();
  }

  private static io.fabric8.kubernetes.api.model.PodStatus status(Pod pod) {
    return pod.getStatus() == null
        ? new io.fabric8.kubernetes.api.model.PodStatus() : pod.getStatus();
  }

  private static Map<String, Function<HasMetadata, String>> eventFields() {
    Map<String, Function<HasMetadata, String>> f = new LinkedHashMap<>();
    f.put("involvedObject.kind", o -> ref(o).getKind());
    f.put("involvedObject.namespace", o -> ref(o).getNamespace());
    f.put("involvedObject.name", o -> ref(o).getName());
    f.put("involvedObject.uid", o -> ref(o).getUid());
    f.put("involvedObject.apiVersion", o -> ref(o).getApiVersion());
    f.put("involvedObject.resourceVersion", o -> ref(o).getResourceVersion());
    f.put("involvedObject.fieldPath", o -> ref(o).getFieldPath());
    f.put("reason", o -> ((Event) o).getReason());
    f.put("reportingComponent", o -> ((Event) o).getReportingComponent());
    f.put("source", o -> ((Event) o).getSource() == null ? "" : ((Event) o).getSource().getComponent());
    f.put("type", o -> ((Event) o).getType());
    return f;
  }

  private static ObjectReference ref(HasMetadata o) {
    ObjectReference r = ((Event) o).getInvolvedObject();
    return r == null ? new ObjectReference() : r;
  }
}
