package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;
import static io.minik8s.apiserver.validation.FieldChecks.list;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream's Pod and pod template rules (ValidatePodCreate, ValidatePodSpec,
 * ValidatePodTemplateSpec). Update rules are in {@link PodUpdateValidation}.
 */
public final class PodValidation {
  static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  static final List<String> DNS_POLICIES =
      List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");

  private PodValidation() {}

  /** A pod on create: metadata (names are DNS subdomains) and spec. */
  public static List<FieldError> validatePod(Pod pod, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                pod.getMetadata(), namespaced, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
    errs.addAll(validatePodSpec(pod.getSpec(), true, "spec"));
    return errs;
  }

  /**
   * A pod template (in workloads) at {@code path}, e.g. "spec.template": its labels and annotations
   * (at {@code path + ".labels"}, as upstream names them) and its spec; templates need no image.
   */
  public static List<FieldError> validatePodTemplateSpec(PodTemplateSpec template, String path) {
    List<FieldError> errs = new ArrayList<>();
    ObjectMeta meta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    errs.addAll(ObjectMetaValidation.validateLabels(meta.getLabels(), path + ".labels"));
    errs.addAll(
        ObjectMetaValidation.validateAnnotations(meta.getAnnotations(), path + ".annotations"));
    errs.addAll(validatePodSpec(template.getSpec(), false, path + ".spec"));
    return errs;
  }

  /**
   * A pod spec at {@code path}.
   *
   * @param requireImage whether containers need an image (pods yes, templates no)
   */
  public static List<FieldError> validatePodSpec(PodSpec spec, boolean requireImage, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (spec == null) {
      errs.add(FieldError.required(path + ".containers", ""));
      return errs;
    }
    errs.addAll(VolumeValidation.validateVolumes(spec.getVolumes(), path + ".volumes"));
    Set<String> volumes = VolumeValidation.names(spec.getVolumes());
    Set<String> containerNames = new HashSet<>();
    errs.addAll(
        ContainerValidation.validateContainers(
            spec.getContainers(),
            volumes,
            containerNames,
            requireImage,
            false,
            path + ".containers"));
    errs.addAll(hostPortConflicts(spec.getContainers(), path + ".containers"));
    errs.addAll(
        ContainerValidation.validateContainers(
            spec.getInitContainers(),
            volumes,
            containerNames,
            requireImage,
            true,
            path + ".initContainers"));
    errs.addAll(hostNetworkPorts(spec, path));
    errs.addAll(
        FieldChecks.oneOf(spec.getRestartPolicy(), path + ".restartPolicy", RESTART_POLICIES));
    errs.addAll(FieldChecks.oneOf(spec.getDnsPolicy(), path + ".dnsPolicy", DNS_POLICIES));
    if ("None".equals(spec.getDnsPolicy()) && spec.getDnsConfig() == null) {
      errs.add(
          FieldError.required(
              path + ".dnsConfig", "must provide `dnsConfig` when `dnsPolicy` is None"));
    }
    errs.addAll(
        ObjectMetaValidation.validateLabels(spec.getNodeSelector(), path + ".nodeSelector"));
    String serviceAccount = spec.getServiceAccountName();
    if (!isEmpty(serviceAccount)) {
      errs.addAll(FieldChecks.dns1123Subdomain(serviceAccount, path + ".serviceAccountName"));
    }
    if (!isEmpty(spec.getNodeName())) {
      errs.addAll(FieldChecks.dns1123Subdomain(spec.getNodeName(), path + ".nodeName"));
    }
    Long deadline = spec.getActiveDeadlineSeconds();
    if (deadline != null && (deadline < 1 || deadline > Integer.MAX_VALUE)) {
      errs.add(
          FieldError.invalid(
              path + ".activeDeadlineSeconds",
              deadline,
              NameValidation.inclusiveRangeError(1, Integer.MAX_VALUE)));
    }
    errs.addAll(
        FieldChecks.nonNegative(
            spec.getTerminationGracePeriodSeconds(), path + ".terminationGracePeriodSeconds"));
    if (!isEmpty(spec.getHostname())) {
      errs.addAll(FieldChecks.dns1123Label(spec.getHostname(), path + ".hostname"));
    }
    if (!isEmpty(spec.getSubdomain())) {
      errs.addAll(FieldChecks.dns1123Label(spec.getSubdomain(), path + ".subdomain"));
    }
    errs.addAll(TaintValidation.validateTolerations(spec.getTolerations(), path + ".tolerations"));
    if (!isEmpty(spec.getPriorityClassName())) {
      errs.addAll(
          FieldChecks.dns1123Subdomain(spec.getPriorityClassName(), path + ".priorityClassName"));
    }
    return errs;
  }

  /** Two ports of a pod may not claim the same protocol, host IP and host port. */
  private static List<FieldError> hostPortConflicts(List<Container> containers, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    List<Container> all = list(containers);
    for (int i = 0; i < all.size(); i++) {
      List<ContainerPort> ports = list(all.get(i).getPorts());
      for (int j = 0; j < ports.size(); j++) {
        ContainerPort port = ports.get(j);
        if (port.getHostPort() == null || port.getHostPort() == 0) {
          continue;
        }
        String protocol = isEmpty(port.getProtocol()) ? "TCP" : port.getProtocol();
        String key = protocol + "/" + FieldChecks.str(port.getHostIP()) + "/" + port.getHostPort();
        if (!taken.add(key)) {
          errs.add(FieldError.duplicate(index(index(path, i) + ".ports", j) + ".hostPort", key));
        }
      }
    }
    return errs;
  }

  /** With hostNetwork, a host port (when given) must equal its container port. */
  private static List<FieldError> hostNetworkPorts(PodSpec spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (!Boolean.TRUE.equals(spec.getHostNetwork())) {
      return errs;
    }
    List<Container> all = list(spec.getContainers());
    for (int i = 0; i < all.size(); i++) {
      List<ContainerPort> ports = list(all.get(i).getPorts());
      for (int j = 0; j < ports.size(); j++) {
        ContainerPort port = ports.get(j);
        Integer hostPort = port.getHostPort();
        if (hostPort != null && hostPort != 0 && !hostPort.equals(port.getContainerPort())) {
          errs.add(
              FieldError.invalid(
                  index(index(path + ".containers", i) + ".ports", j) + ".hostPort",
                  hostPort,
                  "must match `containerPort` when `hostNetwork` is true"));
        }
      }
    }
    return errs;
  }
}
