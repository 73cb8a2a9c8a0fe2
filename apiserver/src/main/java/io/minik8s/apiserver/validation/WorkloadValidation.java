package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;
import static io.minik8s.apiserver.validation.FieldChecks.nonNegative;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Upstream's rules for Deployments, ReplicaSets (apps/v1) and ReplicationControllers: replica
 * counts, selectors that match their template's labels, templates valid as pod specs that always
 * restart, and selectors immutable in apps/v1.
 */
public final class WorkloadValidation {
  static final String EMPTY_SELECTOR = "empty selector is invalid for deployment";
  static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

  private WorkloadValidation() {}

  public static List<FieldError> validateDeployment(Deployment d, boolean namespaced) {
    List<FieldError> errs = meta(d.getMetadata(), namespaced);
    DeploymentSpec spec = d.getSpec() == null ? new DeploymentSpec() : d.getSpec();
    errs.addAll(nonNegative(spec.getReplicas(), "spec.replicas"));
    errs.addAll(labelSelector(spec.getSelector(), "spec.selector"));
    errs.addAll(
        template(
            spec.getTemplate(),
            l -> SelectorValidation.matches(spec.getSelector(), l),
            !SelectorValidation.isEmpty(spec.getSelector()),
            "ReplicaSet",
            "spec.template"));
    errs.addAll(DeploymentStrategyValidation.validate(spec.getStrategy(), "spec.strategy"));
    errs.addAll(nonNegative(spec.getMinReadySeconds(), "spec.minReadySeconds"));
    errs.addAll(nonNegative(spec.getRevisionHistoryLimit(), "spec.revisionHistoryLimit"));
    Integer deadline = spec.getProgressDeadlineSeconds();
    if (deadline != null) {
      errs.addAll(nonNegative(deadline, "spec.progressDeadlineSeconds"));
      int minReady = spec.getMinReadySeconds() == null ? 0 : spec.getMinReadySeconds();
      if (deadline <= minReady) {
        errs.add(
            FieldError.invalid(
                "spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
      }
    }
    return errs;
  }

  public static List<FieldError> validateDeploymentUpdate(
      Deployment d, Deployment old, boolean namespaced) {
    List<FieldError> errs = metaUpdate(d.getMetadata(), old.getMetadata());
    errs.addAll(validateDeployment(d, namespaced));
    errs.addAll(
        immutableSelector(
            d.getSpec() == null ? null : d.getSpec().getSelector(),
            old.getSpec() == null ? null : old.getSpec().getSelector()));
    return errs;
  }

  public static List<FieldError> validateReplicaSet(ReplicaSet rs, boolean namespaced) {
    List<FieldError> errs = meta(rs.getMetadata(), namespaced);
    ReplicaSetSpec spec = rs.getSpec() == null ? new ReplicaSetSpec() : rs.getSpec();
    errs.addAll(nonNegative(spec.getReplicas(), "spec.replicas"));
    errs.addAll(nonNegative(spec.getMinReadySeconds(), "spec.minReadySeconds"));
    errs.addAll(labelSelector(spec.getSelector(), "spec.selector"));
    errs.addAll(
        template(
            spec.getTemplate(),
            l -> SelectorValidation.matches(spec.getSelector(), l),
            !SelectorValidation.isEmpty(spec.getSelector()),
            "ReplicaSet",
            "spec.template"));
    return errs;
  }

  public static List<FieldError> validateReplicaSetUpdate(
      ReplicaSet rs, ReplicaSet old, boolean namespaced) {
    List<FieldError> errs = metaUpdate(rs.getMetadata(), old.getMetadata());
    errs.addAll(validateReplicaSet(rs, namespaced));
    errs.addAll(
        immutableSelector(
            rs.getSpec() == null ? null : rs.getSpec().getSelector(),
            old.getSpec() == null ? null : old.getSpec().getSelector()));
    return errs;
  }

  /**
   * A ReplicationController. Its selector is a plain map; when absent, upstream's defaulting copies
   * the template's labels, so an absent selector is taken as matching them.
   */
  public static List<FieldError> validateReplicationController(
      ReplicationController rc, boolean namespaced) {
    List<FieldError> errs = meta(rc.getMetadata(), namespaced);
    ReplicationControllerSpec spec =
        rc.getSpec() == null ? new ReplicationControllerSpec() : rc.getSpec();
    errs.addAll(nonNegative(spec.getMinReadySeconds(), "spec.minReadySeconds"));
    Map<String, String> selector = spec.getSelector();
    boolean defaulted = selector == null;
    if (!defaulted && selector.isEmpty()) {
      errs.add(FieldError.required("spec.selector", ""));
    }
    errs.addAll(ObjectMetaValidation.validateLabels(selector, "spec.selector"));
    errs.addAll(nonNegative(spec.getReplicas(), "spec.replicas"));
    errs.addAll(
        template(
            spec.getTemplate(),
            l -> SelectorValidation.matches(selector, l),
            !defaulted && !selector.isEmpty(),
            "ReplicationController",
            "spec.template"));
    return errs;
  }

  public static List<FieldError> validateReplicationControllerUpdate(
      ReplicationController rc, ReplicationController old, boolean namespaced) {
    List<FieldError> errs = metaUpdate(rc.getMetadata(), old.getMetadata());
    errs.addAll(validateReplicationController(rc, namespaced));
    return errs;
  }

  private static List<FieldError> meta(ObjectMeta meta, boolean namespaced) {
    return new ArrayList<>(
        ObjectMetaValidation.validate(
            meta, namespaced, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
  }

  private static List<FieldError> metaUpdate(ObjectMeta meta, ObjectMeta old) {
    return new ArrayList<>(ObjectMetaValidation.validateUpdate(meta, old, "metadata"));
  }

  /** apps/v1 selectors are required, valid, and not empty. */
  private static List<FieldError> labelSelector(LabelSelector selector, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (selector == null) {
      errs.add(FieldError.required(path, ""));
      return errs;
    }
    errs.addAll(SelectorValidation.validate(selector, path));
    if (SelectorValidation.isEmpty(selector)) {
      errs.add(FieldError.invalid(path, selector, EMPTY_SELECTOR));
    }
    return errs;
  }

  private static List<FieldError> immutableSelector(LabelSelector selector, LabelSelector old) {
    if (Objects.equals(selector, old)) {
      return List.of();
    }
    return List.of(FieldError.invalid("spec.selector", selector, FieldChecks.IMMUTABLE));
  }

  /** Upstream's ValidatePodTemplateSpecForReplicaSet / ...ForRC. */
  private static List<FieldError> template(
      PodTemplateSpec template,
      Predicate<Map<String, String>> selectorMatches,
      boolean checkSelector,
      String kind,
      String path) {
    List<FieldError> errs = new ArrayList<>();
    if (template == null) {
      errs.add(FieldError.required(path, ""));
      return errs;
    }
    Map<String, String> labels =
        template.getMetadata() == null ? null : template.getMetadata().getLabels();
    if (checkSelector && !selectorMatches.test(labels)) {
      errs.add(
          FieldError.invalid(
              path + ".metadata.labels", labels == null ? Map.of() : labels, SELECTOR_MISMATCH));
    }
    errs.addAll(PodValidation.validatePodTemplateSpec(template, path));
    if (template.getSpec() != null) {
      String restartPolicy = template.getSpec().getRestartPolicy();
      if (!isEmpty(restartPolicy) && !restartPolicy.equals("Always")) {
        errs.add(
            FieldError.notSupported(
                path + ".spec.restartPolicy", restartPolicy, List.of("Always")));
      }
      if (template.getSpec().getActiveDeadlineSeconds() != null) {
        errs.add(
            FieldError.forbidden(
                path + ".spec.activeDeadlineSeconds",
                "activeDeadlineSeconds in " + kind + " is not Supported"));
      }
    }
    return errs;
  }
}
