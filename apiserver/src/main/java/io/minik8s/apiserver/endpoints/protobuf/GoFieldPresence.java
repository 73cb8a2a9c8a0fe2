package io.minik8s.apiserver.endpoints.protobuf;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashSet;
import java.util.Set;

/**
 * Which zero-valued protobuf fields stay in the JSON tree.
 *
 * <p>Go's protobuf marshaller writes every non-pointer field, zero or not, and a pointer field
 * only when it is set; its JSON marshaller drops zero values of {@code omitempty} fields. On the
 * wire a zero {@code int32 replicas} (a pointer: "scale to zero") therefore looks exactly like a
 * zero {@code int32 minReadySeconds} (not a pointer: "unset"). Upstream decodes both into Go
 * structs where the difference is carried by the field's type; this table carries it for us: the
 * scalar fields of the served kinds that are pointers or not {@code omitempty} in k8s.io/api, whose
 * zero values mean something. Any other zero scalar (and every empty string) is dropped, as Go's
 * JSON form of the same object would drop it.
 */
final class GoFieldPresence {
  /** message (full proto name) → fields, one message per line. */
  private static final String KEEP_ZERO = """
      k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta deletionGracePeriodSeconds
      k8s.io.apimachinery.pkg.apis.meta.v1.ListMeta remainingItemCount
      k8s.io.apimachinery.pkg.apis.meta.v1.OwnerReference controller blockOwnerDeletion
      k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions gracePeriodSeconds orphanDependents
      k8s.io.api.core.v1.PodSpec terminationGracePeriodSeconds activeDeadlineSeconds \
        automountServiceAccountToken shareProcessNamespace priority enableServiceLinks \
        setHostnameAsFQDN hostUsers
      k8s.io.api.core.v1.PodSecurityContext runAsUser runAsGroup runAsNonRoot fsGroup
      k8s.io.api.core.v1.SecurityContext privileged runAsUser runAsGroup runAsNonRoot \
        readOnlyRootFilesystem allowPrivilegeEscalation
      k8s.io.api.core.v1.WindowsSecurityContextOptions hostProcess
      k8s.io.api.core.v1.ContainerPort containerPort
      k8s.io.api.core.v1.Probe terminationGracePeriodSeconds
      k8s.io.api.core.v1.SleepAction seconds
      k8s.io.api.core.v1.GRPCAction port
      k8s.io.api.core.v1.Toleration tolerationSeconds
      k8s.io.api.core.v1.TopologySpreadConstraint maxSkew minDomains
      k8s.io.api.core.v1.WeightedPodAffinityTerm weight
      k8s.io.api.core.v1.PreferredSchedulingTerm weight
      k8s.io.api.core.v1.SecretVolumeSource defaultMode optional
      k8s.io.api.core.v1.ConfigMapVolumeSource defaultMode optional
      k8s.io.api.core.v1.ProjectedVolumeSource defaultMode
      k8s.io.api.core.v1.DownwardAPIVolumeSource defaultMode
      k8s.io.api.core.v1.KeyToPath mode
      k8s.io.api.core.v1.DownwardAPIVolumeFile mode
      k8s.io.api.core.v1.ConfigMapProjection optional
      k8s.io.api.core.v1.SecretProjection optional
      k8s.io.api.core.v1.ServiceAccountTokenProjection expirationSeconds
      k8s.io.api.core.v1.ClusterTrustBundleProjection optional
      k8s.io.api.core.v1.CSIVolumeSource readOnly
      k8s.io.api.core.v1.FCVolumeSource lun
      k8s.io.api.core.v1.ConfigMapKeySelector optional
      k8s.io.api.core.v1.SecretKeySelector optional
      k8s.io.api.core.v1.ConfigMapEnvSource optional
      k8s.io.api.core.v1.SecretEnvSource optional
      k8s.io.api.core.v1.ContainerStatus ready restartCount started
      k8s.io.api.core.v1.ContainerStateTerminated exitCode
      k8s.io.api.core.v1.ServiceSpec allocateLoadBalancerNodePorts
      k8s.io.api.core.v1.ClientIPConfig timeoutSeconds
      k8s.io.api.core.v1.ServicePort port
      k8s.io.api.core.v1.PortStatus port
      k8s.io.api.core.v1.EndpointPort port
      k8s.io.api.core.v1.ServiceAccount automountServiceAccountToken
      k8s.io.api.core.v1.ConfigMap immutable
      k8s.io.api.core.v1.Secret immutable
      k8s.io.api.core.v1.ReplicationControllerSpec replicas
      k8s.io.api.core.v1.ReplicationControllerStatus replicas
      k8s.io.api.core.v1.DaemonEndpoint Port
      k8s.io.api.apps.v1.DeploymentSpec replicas revisionHistoryLimit progressDeadlineSeconds
      k8s.io.api.apps.v1.DeploymentStatus collisionCount
      k8s.io.api.apps.v1.ReplicaSetSpec replicas
      k8s.io.api.apps.v1.ReplicaSetStatus replicas
      k8s.io.api.apps.v1.StatefulSetSpec replicas revisionHistoryLimit
      k8s.io.api.apps.v1.StatefulSetStatus replicas collisionCount
      k8s.io.api.apps.v1.RollingUpdateStatefulSetStrategy partition
      k8s.io.api.apps.v1.StatefulSetOrdinals start
      k8s.io.api.apps.v1.DaemonSetSpec revisionHistoryLimit
      k8s.io.api.apps.v1.DaemonSetStatus currentNumberScheduled numberMisscheduled \
        desiredNumberScheduled numberReady collisionCount
      k8s.io.api.apps.v1.ControllerRevision revision
      k8s.io.api.autoscaling.v1.ScaleStatus replicas
      k8s.io.api.autoscaling.v1.HorizontalPodAutoscalerSpec minReplicas maxReplicas \
        targetCPUUtilizationPercentage
      k8s.io.api.autoscaling.v1.HorizontalPodAutoscalerStatus observedGeneration \
        currentReplicas desiredReplicas currentCPUUtilizationPercentage
      k8s.io.api.batch.v1.JobSpec parallelism completions activeDeadlineSeconds backoffLimit \
        backoffLimitPerIndex maxFailedIndexes ttlSecondsAfterFinished manualSelector suspend
      k8s.io.api.batch.v1.JobStatus ready terminating
      k8s.io.api.batch.v1.CronJobSpec startingDeadlineSeconds suspend \
        successfulJobsHistoryLimit failedJobsHistoryLimit
      k8s.io.api.policy.v1.PodDisruptionBudgetStatus disruptionsAllowed currentHealthy \
        desiredHealthy expectedPods
      k8s.io.api.scheduling.v1.PriorityClass value
      k8s.io.api.coordination.v1.LeaseSpec leaseDurationSeconds leaseTransitions
      k8s.io.api.discovery.v1.EndpointConditions ready serving terminating
      k8s.io.api.discovery.v1.EndpointPort name port
      k8s.io.api.authentication.v1.TokenRequestSpec expirationSeconds
      """;

  private static final Set<String> KEEP = parse(KEEP_ZERO);

  private GoFieldPresence() {}

  /** The table's entries, "message.field" by full proto name. */
  static Set<String> entries() {
    return KEEP;
  }

  /** Whether a zero value ("", 0, false) of this field is kept rather than dropped. */
  static boolean keepsZero(FieldDescriptor field) {
    return KEEP.contains(field.getContainingType().getFullName() + "." + field.getName());
  }

  private static Set<String> parse(String table) {
    Set<String> keep = new HashSet<>();
    for (String line : table.split("\n")) {
      String[] words = line.trim().split("\\s+");
      for (int i = 1; i < words.length; i++) {
        keep.add(words[0] + "." + words[i]);
      }
    }
    return Set.copyOf(keep);
  }
}
