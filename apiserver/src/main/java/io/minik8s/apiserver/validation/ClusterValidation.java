package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.list;
import static io.minik8s.apiserver.validation.FieldChecks.str;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Upstream's rules for the cluster-scoped kinds: Namespaces, Nodes and PriorityClasses. */
public final class ClusterValidation {
  /** User-defined priorities may not exceed this (upstream's HighestUserDefinablePriority). */
  public static final int HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;

  /** The built-in system priority classes and their values. */
  public static final Map<String, Integer> SYSTEM_PRIORITY_CLASSES =
      Map.of("system-node-critical", 2_000_001_000, "system-cluster-critical", 2_000_000_000);

  private static final String SYSTEM_PREFIX = "system-";
  private static final List<String> PREEMPTION_POLICIES = List.of("Never", "PreemptLowerPriority");

  private ClusterValidation() {}

  /** A Namespace: its name a DNS label, its spec.finalizers valid finalizer names. */
  public static List<FieldError> validateNamespace(Namespace ns) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                ns.getMetadata(), false, ObjectMetaValidation.LABEL_NAME, "metadata"));
    errs.addAll(specFinalizers(ns));
    return errs;
  }

  public static List<FieldError> validateNamespaceUpdate(Namespace ns, Namespace old) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(ns.getMetadata(), old.getMetadata(), "metadata"));
    errs.addAll(specFinalizers(ns));
    return errs;
  }

  /** A Node: a DNS subdomain name, valid taints and pod CIDRs. */
  public static List<FieldError> validateNode(Node node) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                node.getMetadata(), false, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
    NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
    errs.addAll(TaintValidation.validateTaints(spec.getTaints(), "spec.taints"));
    List<String> cidrs = list(spec.getPodCIDRs());
    for (int i = 0; i < cidrs.size(); i++) {
      errs.addAll(
          FieldChecks.each(index("spec.podCIDRs", i), cidrs.get(i), NetValidation::isValidCidr));
    }
    return errs;
  }

  /** A Node update: pod CIDRs and provider ID may only go from unset to set. */
  public static List<FieldError> validateNodeUpdate(Node node, Node old) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(node.getMetadata(), old.getMetadata(), "metadata"));
    errs.addAll(validateNode(node));
    NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
    NodeSpec oldSpec = old.getSpec() == null ? new NodeSpec() : old.getSpec();
    if (!list(oldSpec.getPodCIDRs()).isEmpty()
        && !list(oldSpec.getPodCIDRs()).equals(list(spec.getPodCIDRs()))) {
      errs.add(
          FieldError.forbidden(
              "spec.podCIDRs", "node updates may not change podCIDR except from \"\" to valid"));
    }
    if (!str(oldSpec.getProviderID()).isEmpty()
        && !oldSpec.getProviderID().equals(spec.getProviderID())) {
      errs.add(
          FieldError.forbidden(
              "spec.providerID",
              "node updates may not change providerID except from \"\" to valid"));
    }
    return errs;
  }

  /**
   * A PriorityClass: names starting "system-" are reserved for the built-in classes (with their
   * exact values); other classes may not exceed {@link #HIGHEST_USER_DEFINABLE_PRIORITY}.
   */
  public static List<FieldError> validatePriorityClass(PriorityClass pc) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                pc.getMetadata(), false, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
    String name = pc.getMetadata() == null ? "" : str(pc.getMetadata().getName());
    int value = pc.getValue() == null ? 0 : pc.getValue();
    if (name.startsWith(SYSTEM_PREFIX)) {
      String problem = systemClassProblem(name, value, Boolean.TRUE.equals(pc.getGlobalDefault()));
      if (problem != null) {
        errs.add(
            FieldError.forbidden(
                "metadata.name",
                "priority class names with '"
                    + SYSTEM_PREFIX
                    + "' prefix are reserved for system use only. error: "
                    + problem));
      }
    } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
      errs.add(
          FieldError.forbidden(
              "value",
              "maximum allowed value of a user defined priority is "
                  + HIGHEST_USER_DEFINABLE_PRIORITY));
    }
    errs.addAll(
        FieldChecks.oneOf(pc.getPreemptionPolicy(), "preemptionPolicy", PREEMPTION_POLICIES));
    return errs;
  }

  /** A PriorityClass update: value and preemption policy are immutable. */
  public static List<FieldError> validatePriorityClassUpdate(PriorityClass pc, PriorityClass old) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(pc.getMetadata(), old.getMetadata(), "metadata"));
    if (!Objects.equals(pc.getValue(), old.getValue())) {
      errs.add(FieldError.forbidden("value", "may not be changed in an update."));
    }
    errs.addAll(
        FieldChecks.immutable(
            pc.getPreemptionPolicy(), old.getPreemptionPolicy(), "preemptionPolicy"));
    return errs;
  }

  private static String systemClassProblem(String name, int value, boolean globalDefault) {
    Integer expected = SYSTEM_PRIORITY_CLASSES.get(name);
    if (expected == null) {
      return name + " is not a known system priority class";
    }
    if (expected != value) {
      return "value of " + name + " PriorityClass must be " + expected;
    }
    if (globalDefault) {
      return "globalDefault of " + name + " PriorityClass must be false";
    }
    return null;
  }

  private static List<FieldError> specFinalizers(Namespace ns) {
    List<FieldError> errs = new ArrayList<>();
    List<String> finalizers = ns.getSpec() == null ? List.of() : list(ns.getSpec().getFinalizers());
    for (String finalizer : finalizers) {
      errs.addAll(FieldChecks.qualifiedName(finalizer, "spec.finalizers"));
      errs.addAll(ObjectMetaValidation.kubeFinalizerName(finalizer, "spec.finalizers"));
    }
    return errs;
  }
}
