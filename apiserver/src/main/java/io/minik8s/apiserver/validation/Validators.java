package io.minik8s.apiserver.validation;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one entry point of the registry into validation: picks the rules of the object's kind by its
 * Java type. Kinds without rules of their own get upstream's generic ObjectMeta rules (names are
 * DNS subdomains). Results are free of duplicates and empty when the object is valid.
 */
public final class Validators {
  private static final Map<Class<?>, Rules<?>> RULES =
      Map.ofEntries(
          rules(Pod.class, PodValidation::validatePod, PodUpdateValidation::validatePodUpdate),
          rules(
              Service.class,
              ServiceValidation::validateService,
              ServiceValidation::validateServiceUpdate),
          rules(
              Deployment.class,
              WorkloadValidation::validateDeployment,
              WorkloadValidation::validateDeploymentUpdate),
          rules(
              ReplicaSet.class,
              WorkloadValidation::validateReplicaSet,
              WorkloadValidation::validateReplicaSetUpdate),
          rules(
              ReplicationController.class,
              WorkloadValidation::validateReplicationController,
              WorkloadValidation::validateReplicationControllerUpdate),
          rules(
              Namespace.class,
              (ns, namespaced) -> ClusterValidation.validateNamespace(ns),
              (ns, old, namespaced) -> ClusterValidation.validateNamespaceUpdate(ns, old)),
          rules(
              Node.class,
              (node, namespaced) -> ClusterValidation.validateNode(node),
              (node, old, namespaced) -> ClusterValidation.validateNodeUpdate(node, old)),
          rules(
              PriorityClass.class,
              (pc, namespaced) -> ClusterValidation.validatePriorityClass(pc),
              (pc, old, namespaced) -> ClusterValidation.validatePriorityClassUpdate(pc, old)),
          rules(
              ConfigMap.class,
              ConfigValidation::validateConfigMap,
              ConfigValidation::validateConfigMapUpdate),
          rules(
              Secret.class,
              ConfigValidation::validateSecret,
              ConfigValidation::validateSecretUpdate),
          rules(
              ServiceAccount.class,
              ConfigValidation::validateServiceAccount,
              ConfigValidation::validateServiceAccountUpdate),
          rules(
              Endpoints.class,
              EndpointsValidation::validateEndpoints,
              EndpointsValidation::validateEndpointsUpdate),
          rules(
              EndpointSlice.class,
              EndpointsValidation::validateEndpointSlice,
              EndpointsValidation::validateEndpointSliceUpdate),
          rules(
              Event.class, PolicyValidation::validateEvent, PolicyValidation::validateEventUpdate),
          rules(
              Lease.class,
              PolicyValidation::validateLease,
              (lease, old, namespaced) -> PolicyValidation.validateLeaseUpdate(lease, old)),
          rules(
              PodDisruptionBudget.class,
              PolicyValidation::validatePodDisruptionBudget,
              PolicyValidation::validatePodDisruptionBudgetUpdate));

  private Validators() {}

  /**
   * Validates an object on create, after defaulting and name generation.
   *
   * @param namespaced whether the kind is namespaced (metadata.namespace required, else forbidden)
   */
  public static List<FieldError> validate(HasMetadata obj, boolean namespaced) {
    Rules<?> rules = RULES.get(obj.getClass());
    List<FieldError> errs =
        rules == null
            ? ObjectMetaValidation.validate(
                obj.getMetadata(), namespaced, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata")
            : rules.create(obj, namespaced);
    return distinct(errs);
  }

  /**
   * Validates a main-resource update: the new object as on create, plus what the kind forbids to
   * change. Whether the kind is namespaced is read from the stored object.
   */
  public static List<FieldError> validateUpdate(HasMetadata obj, HasMetadata old) {
    boolean namespaced =
        old.getMetadata() != null && !FieldChecks.isEmpty(old.getMetadata().getNamespace());
    Rules<?> rules = RULES.get(obj.getClass());
    List<FieldError> errs;
    if (rules == null || obj.getClass() != old.getClass()) {
      errs =
          new ArrayList<>(
              ObjectMetaValidation.validateUpdate(
                  obj.getMetadata(), old.getMetadata(), "metadata"));
      errs.addAll(
          ObjectMetaValidation.validate(
              obj.getMetadata(), namespaced, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
    } else {
      errs = rules.update(obj, old, namespaced);
    }
    return distinct(errs);
  }

  /**
   * Validates a status-subresource update: metadata rules for every kind, plus upstream's status
   * rules for pods (the node may not change, pod IPs must be well formed).
   */
  public static List<FieldError> validateStatusUpdate(HasMetadata obj, HasMetadata old) {
    if (obj instanceof Pod pod && old instanceof Pod oldPod) {
      return distinct(PodUpdateValidation.validatePodStatusUpdate(pod, oldPod));
    }
    return distinct(
        ObjectMetaValidation.validateUpdate(obj.getMetadata(), old.getMetadata(), "metadata"));
  }

  private static List<FieldError> distinct(List<FieldError> errs) {
    return errs.stream().distinct().toList();
  }

  private static <T extends HasMetadata> Map.Entry<Class<?>, Rules<?>> rules(
      Class<T> type, Create<T> create, Update<T> update) {
    return Map.entry(type, new Rules<>(type, create, update));
  }

  @FunctionalInterface
  private interface Create<T> {
    List<FieldError> validate(T obj, boolean namespaced);
  }

  @FunctionalInterface
  private interface Update<T> {
    List<FieldError> validate(T obj, T old, boolean namespaced);
  }

  /** The create and update rules of one kind. */
  private record Rules<T extends HasMetadata>(
      Class<T> type, Create<T> onCreate, Update<T> onUpdate) {
    List<FieldError> create(HasMetadata obj, boolean namespaced) {
      return onCreate.validate(type.cast(obj), namespaced);
    }

    List<FieldError> update(HasMetadata obj, HasMetadata old, boolean namespaced) {
      return onUpdate.validate(type.cast(obj), type.cast(old), namespaced);
    }
  }
}
