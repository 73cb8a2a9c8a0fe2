package io.minik8s.apiserver.validation;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.ArrayList;
import java.util.List;

/** Upstream's rules for PodDisruptionBudgets, Leases and (core/v1) Events. */
public final class PolicyValidation {
  private static final List<String> EVICTION_POLICIES = List.of("AlwaysAllow", "IfHealthyBudget");
  private static final int EVENT_FIELD_LIMIT = 128;
  private static final int EVENT_NOTE_LIMIT = 1024;

  private PolicyValidation() {}

  /** A PDB: minAvailable or maxUnavailable (not both), each an int or a percent up to 100%. */
  public static List<FieldError> validatePodDisruptionBudget(
      PodDisruptionBudget pdb, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                pdb.getMetadata(), namespaced, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
    PodDisruptionBudgetSpec spec =
        pdb.getSpec() == null ? new PodDisruptionBudgetSpec() : pdb.getSpec();
    if (spec.getMinAvailable() != null && spec.getMaxUnavailable() != null) {
      errs.add(
          FieldError.invalid("spec", spec, "minAvailable and maxUnavailable cannot be both set"));
    }
    errs.addAll(intOrPercent(spec.getMinAvailable(), "spec.minAvailable"));
    errs.addAll(intOrPercent(spec.getMaxUnavailable(), "spec.maxUnavailable"));
    errs.addAll(SelectorValidation.validate(spec.getSelector(), "spec.selector"));
    errs.addAll(
        FieldChecks.oneOf(
            spec.getUnhealthyPodEvictionPolicy(),
            "spec.unhealthyPodEvictionPolicy",
            EVICTION_POLICIES));
    return errs;
  }

  public static List<FieldError> validatePodDisruptionBudgetUpdate(
      PodDisruptionBudget pdb, PodDisruptionBudget old, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(pdb.getMetadata(), old.getMetadata(), "metadata"));
    errs.addAll(validatePodDisruptionBudget(pdb, namespaced));
    return errs;
  }

  /** A Lease: a positive duration, non-negative transitions. */
  public static List<FieldError> validateLease(Lease lease, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                lease.getMetadata(), namespaced, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
    errs.addAll(leaseSpec(lease.getSpec()));
    return errs;
  }

  public static List<FieldError> validateLeaseUpdate(Lease lease, Lease old) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(
                lease.getMetadata(), old.getMetadata(), "metadata"));
    errs.addAll(leaseSpec(lease.getSpec()));
    return errs;
  }

  /**
   * A core/v1 Event, as upstream's legacy validation checks it: the involved object's namespace
   * matches the event's; events with an eventTime also name their reporter, action and reason.
   * Names only need to be safe path segments.
   */
  public static List<FieldError> validateEvent(Event event, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                event.getMetadata(),
                namespaced,
                ObjectMetaValidation.PATH_SEGMENT_NAME,
                "metadata"));
    String namespace =
        event.getMetadata() == null ? "" : FieldChecks.str(event.getMetadata().getNamespace());
    ObjectReference involved =
        event.getInvolvedObject() == null ? new ObjectReference() : event.getInvolvedObject();
    String involvedNamespace = FieldChecks.str(involved.getNamespace());
    String mismatch = "does not match event.namespace";
    if (event.getEventTime() == null) {
      boolean ok =
          involvedNamespace.isEmpty()
              ? namespace.isEmpty() || namespace.equals("default")
              : namespace.equals(involvedNamespace);
      if (!ok) {
        errs.add(FieldError.invalid("involvedObject.namespace", involvedNamespace, mismatch));
      }
    } else {
      if (involvedNamespace.isEmpty()
          && !namespace.equals("default")
          && !namespace.equals("kube-system")) {
        errs.add(FieldError.invalid("involvedObject.namespace", involvedNamespace, mismatch));
      }
      String controller = FieldChecks.str(event.getReportingComponent());
      if (controller.isEmpty()) {
        errs.add(FieldError.required("reportingController", ""));
      }
      errs.addAll(FieldChecks.qualifiedName(controller, "reportingController"));
      errs.addAll(limited(event.getReportingInstance(), "reportingInstance", EVENT_FIELD_LIMIT));
      errs.addAll(limited(event.getAction(), "action", EVENT_FIELD_LIMIT));
      errs.addAll(limited(event.getReason(), "reason", EVENT_FIELD_LIMIT));
      if (FieldChecks.str(event.getMessage()).length() > EVENT_NOTE_LIMIT) {
        errs.add(
            FieldError.invalid(
                "message", "", "can have at most " + EVENT_NOTE_LIMIT + " characters"));
      }
    }
    if (!namespace.isEmpty()) {
      errs.addAll(FieldChecks.dns1123Subdomain(namespace, "namespace"));
    }
    return errs;
  }

  public static List<FieldError> validateEventUpdate(Event event, Event old, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(
                event.getMetadata(), old.getMetadata(), "metadata"));
    errs.addAll(validateEvent(event, namespaced));
    return errs;
  }

  private static List<FieldError> intOrPercent(IntOrString value, String path) {
    List<FieldError> errs =
        new ArrayList<>(DeploymentStrategyValidation.positiveIntOrPercent(value, path));
    errs.addAll(DeploymentStrategyValidation.notMoreThan100Percent(value, path));
    return errs;
  }

  private static List<FieldError> limited(String value, String path, int limit) {
    String v = FieldChecks.str(value);
    if (v.isEmpty()) {
      return List.of(FieldError.required(path, ""));
    }
    if (v.length() > limit) {
      return List.of(FieldError.invalid(path, "", "can have at most " + limit + " characters"));
    }
    return List.of();
  }

  private static List<FieldError> leaseSpec(LeaseSpec spec) {
    List<FieldError> errs = new ArrayList<>();
    if (spec == null) {
      return errs;
    }
    Integer duration = spec.getLeaseDurationSeconds();
    if (duration != null && duration <= 0) {
      errs.add(FieldError.invalid("spec.leaseDurationSeconds", duration, "must be greater than 0"));
    }
    errs.addAll(FieldChecks.nonNegative(spec.getLeaseTransitions(), "spec.leaseTransitions"));
    return errs;
  }
}
