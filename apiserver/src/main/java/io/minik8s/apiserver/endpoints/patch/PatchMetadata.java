package io.minik8s.apiserver.endpoints.patch;

import static io.minik8s.apiserver.endpoints.patch.PatchStrategy.mergeBy;
import static io.minik8s.apiserver.endpoints.patch.PatchStrategy.mergeRetainingKeysBy;
import static io.minik8s.apiserver.endpoints.patch.PatchStrategy.mergeScalars;
import static io.minik8s.apiserver.endpoints.patch.PatchStrategy.retainingKeys;

import io.fabric8.kubernetes.api.model.ComponentStatus;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import java.util.Map;

/**
 * Upstream's strategic merge patch metadata of the built-in types, as their Go struct tags declare
 * it (k8s.io/api core/v1, apps/v1, batch/v1, policy/v1, autoscaling/v2 and meta/v1 types.go),
 * keyed by the fabric8 model class of the struct and the JSON name of the field. Fields not
 * listed have none: their lists are replaced by a patch, their objects merged.
 */
public final class PatchMetadata {
  private static final Map<String, PatchStrategy> CONTAINER = Map.of(
      "ports", mergeBy("containerPort"),
      "env", mergeBy("name"),
      "volumeMounts", mergeBy("mountPath"),
      "volumeDevices", mergeBy("devicePath"));

  private static final Map<String, PatchStrategy> CONDITIONS =
      Map.of("conditions", mergeBy("type"));

  private static final Map<Class<?>, Map<String, PatchStrategy>> TABLE = Map.ofEntries(
      Map.entry(ObjectMeta.class, Map.of(
          "finalizers", mergeScalars(),
          "ownerReferences", mergeBy("uid"))),
      Map.entry(PodSpec.class, Map.of(
          "volumes", mergeRetainingKeysBy("name"),
          "initContainers", mergeBy("name"),
          "containers", mergeBy("name"),
          "ephemeralContainers", mergeBy("name"),
          "imagePullSecrets", mergeBy("name"),
          "hostAliases", mergeBy("ip"),
          "topologySpreadConstraints", mergeBy("topologyKey"),
          "schedulingGates", mergeBy("name"),
          "resourceClaims", mergeRetainingKeysBy("name"))),
      Map.entry(Container.class, CONTAINER),
      Map.entry(EphemeralContainer.class, CONTAINER),
      Map.entry(PodStatus.class, Map.of(
          "conditions", mergeBy("type"),
          "podIPs", mergeBy("ip"),
          "hostIPs", mergeBy("ip"),
          "resourceClaimStatuses", mergeRetainingKeysBy("name"))),
      Map.entry(ContainerStatus.class, Map.of(
          "volumeMounts", mergeBy("mountPath"),
          "allocatedResourcesStatus", mergeBy("name"))),
      Map.entry(NodeSpec.class, Map.of("podCIDRs", mergeScalars())),
      Map.entry(NodeStatus.class, Map.of(
          "conditions", mergeBy("type"),
          "addresses", mergeBy("type"))),
      Map.entry(ServiceSpec.class, Map.of("ports", mergeBy("port"))),
      Map.entry(ServiceStatus.class, CONDITIONS),
      Map.entry(ServiceAccount.class, Map.of("secrets", mergeBy("name"))),
      Map.entry(NamespaceStatus.class, CONDITIONS),
      Map.entry(ReplicationControllerStatus.class, CONDITIONS),
      Map.entry(PersistentVolumeClaimStatus.class, CONDITIONS),
      Map.entry(ComponentStatus.class, CONDITIONS),
      Map.entry(DeploymentSpec.class, Map.of("strategy", retainingKeys())),
      Map.entry(DeploymentStatus.class, CONDITIONS),
      Map.entry(ReplicaSetStatus.class, CONDITIONS),
      Map.entry(StatefulSetStatus.class, CONDITIONS),
      Map.entry(DaemonSetStatus.class, CONDITIONS),
      Map.entry(JobStatus.class, CONDITIONS),
      Map.entry(PodDisruptionBudgetStatus.class, CONDITIONS),
      Map.entry(HorizontalPodAutoscalerStatus.class, CONDITIONS));

  private PatchMetadata() {}

  /** The patch metadata of a field of a model class; {@link PatchStrategy#NONE} if it has none. */
  public static PatchStrategy of(Class<?> owner, String field) {
    Map<String, PatchStrategy> fields = TABLE.get(owner);
    PatchStrategy strategy = fields == null ? null : fields.get(field);
    return strategy == null ? PatchStrategy.NONE : strategy;
  }
}
