package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;
import static io.minik8s.apiserver.validation.FieldChecks.list;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream's per-container rules: names, image, ports, environment, mounts, resources, pull policy
 * and probes. Names are unique across init and regular containers.
 */
public final class ContainerValidation {
  static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  private static final List<String> TERMINATION_MESSAGE_POLICIES =
      List.of("FallbackToLogsOnError", "File");

  private ContainerValidation() {}

  /**
   * Validates containers at {@code path} ("spec.containers" or "spec.initContainers").
   *
   * @param usedNames names taken so far (by the other list), extended with these containers'
   * @param requireImage whether an image is required (pods: yes; templates: no, as upstream)
   * @param init whether these are init containers, which may not have probes
   */
  static List<FieldError> validateContainers(
      List<Container> containers,
      Set<String> volumeNames,
      Set<String> usedNames,
      boolean requireImage,
      boolean init,
      String path) {
    List<FieldError> errs = new ArrayList<>();
    if (!init && isEmpty(containers)) {
      errs.add(FieldError.required(path, ""));
      return errs;
    }
    List<Container> all = list(containers);
    for (int i = 0; i < all.size(); i++) {
      Container ctr = all.get(i);
      String idx = index(path, i);
      String name = ctr.getName();
      if (isEmpty(name)) {
        errs.add(FieldError.required(idx + ".name", ""));
      } else if (usedNames.contains(name)) {
        errs.add(FieldError.duplicate(idx + ".name", name));
      } else {
        errs.addAll(FieldChecks.dns1123Label(name, idx + ".name"));
        usedNames.add(name);
      }
      String image = ctr.getImage();
      if (isEmpty(image)) {
        if (requireImage) {
          errs.add(FieldError.required(idx + ".image", ""));
        }
      } else if (!image.equals(image.strip())) {
        errs.add(
            FieldError.invalid(
                idx + ".image", image, "must not have leading or trailing whitespace"));
      }
      errs.addAll(validatePorts(ctr.getPorts(), idx + ".ports"));
      errs.addAll(validateEnv(ctr.getEnv(), idx + ".env"));
      errs.addAll(
          VolumeValidation.validateVolumeMounts(
              ctr.getVolumeMounts(), volumeNames, idx + ".volumeMounts"));
      errs.addAll(
          FieldChecks.oneOf(ctr.getImagePullPolicy(), idx + ".imagePullPolicy", PULL_POLICIES));
      errs.addAll(
          FieldChecks.oneOf(
              ctr.getTerminationMessagePolicy(),
              idx + ".terminationMessagePolicy",
              TERMINATION_MESSAGE_POLICIES));
      errs.addAll(ResourceValidation.validateRequirements(ctr.getResources(), idx + ".resources"));
      errs.addAll(probes(ctr, init, idx));
    }
    return errs;
  }

  /** Container ports: IANA names unique in the container, valid port numbers and protocols. */
  static List<FieldError> validatePorts(List<ContainerPort> ports, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<ContainerPort> all = list(ports);
    for (int i = 0; i < all.size(); i++) {
      ContainerPort port = all.get(i);
      String idx = index(path, i);
      String name = port.getName();
      if (!isEmpty(name)) {
        List<String> msgs = NameValidation.isValidPortName(name);
        if (!msgs.isEmpty()) {
          msgs.forEach(msg -> errs.add(FieldError.invalid(idx + ".name", name, msg)));
        } else if (!names.add(name)) {
          errs.add(FieldError.duplicate(idx + ".name", name));
        }
      }
      Integer containerPort = port.getContainerPort();
      if (containerPort == null || containerPort == 0) {
        errs.add(FieldError.required(idx + ".containerPort", ""));
      } else {
        for (String msg : NameValidation.isValidPortNum(containerPort)) {
          errs.add(FieldError.invalid(idx + ".containerPort", containerPort, msg));
        }
      }
      Integer hostPort = port.getHostPort();
      if (hostPort != null && hostPort != 0) {
        for (String msg : NameValidation.isValidPortNum(hostPort)) {
          errs.add(FieldError.invalid(idx + ".hostPort", hostPort, msg));
        }
      }
      errs.addAll(FieldChecks.oneOf(port.getProtocol(), idx + ".protocol", PROTOCOLS));
    }
    return errs;
  }

  /** Environment variables: named, and valueFrom exclusive with value and single-sourced. */
  static List<FieldError> validateEnv(List<EnvVar> env, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<EnvVar> all = list(env);
    for (int i = 0; i < all.size(); i++) {
      EnvVar ev = all.get(i);
      String idx = index(path, i);
      if (isEmpty(ev.getName())) {
        errs.add(FieldError.required(idx + ".name", ""));
      } else {
        errs.addAll(FieldChecks.each(idx + ".name", ev.getName(), NameValidation::isEnvVarName));
      }
      errs.addAll(validateValueFrom(ev, idx + ".valueFrom"));
    }
    return errs;
  }

  private static List<FieldError> validateValueFrom(EnvVar ev, String path) {
    EnvVarSource from = ev.getValueFrom();
    if (from == null) {
      return List.of();
    }
    List<FieldError> errs = new ArrayList<>();
    int sources =
        FieldChecks.count(
            from.getFieldRef(),
            from.getResourceFieldRef(),
            from.getConfigMapKeyRef(),
            from.getSecretKeyRef());
    if (from.getFieldRef() != null && isEmpty(from.getFieldRef().getFieldPath())) {
      errs.add(FieldError.required(path + ".fieldRef.fieldPath", ""));
    }
    if (from.getResourceFieldRef() != null && isEmpty(from.getResourceFieldRef().getResource())) {
      errs.add(FieldError.required(path + ".resourceFieldRef.resource", ""));
    }
    if (from.getConfigMapKeyRef() != null) {
      errs.addAll(
          keySelector(
              from.getConfigMapKeyRef().getName(),
              from.getConfigMapKeyRef().getKey(),
              path + ".configMapKeyRef"));
    }
    if (from.getSecretKeyRef() != null) {
      errs.addAll(
          keySelector(
              from.getSecretKeyRef().getName(),
              from.getSecretKeyRef().getKey(),
              path + ".secretKeyRef"));
    }
    if (sources == 0) {
      errs.add(
          FieldError.invalid(
              path,
              "",
              "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or"
                  + " `secretKeyRef`"));
    } else if (!isEmpty(ev.getValue())) {
      errs.add(FieldError.invalid(path, "", "may not be specified when `value` is not empty"));
    } else if (sources > 1) {
      errs.add(
          FieldError.invalid(path, "", "may not have more than one field specified at a time"));
    }
    return errs;
  }

  private static List<FieldError> keySelector(String name, String key, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (isEmpty(name)) {
      errs.add(FieldError.required(path + ".name", ""));
    }
    if (isEmpty(key)) {
      errs.add(FieldError.required(path + ".key", ""));
    } else {
      errs.addAll(FieldChecks.each(path + ".key", key, NameValidation::isConfigMapKey));
    }
    return errs;
  }

  private static List<FieldError> probes(Container ctr, boolean init, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (init) {
      // upstream rejects probes on init containers (restartable sidecars aside)
      if (ctr.getLivenessProbe() != null) {
        errs.add(
            FieldError.forbidden(path + ".livenessProbe", "may not be set for init containers"));
      }
      if (ctr.getReadinessProbe() != null) {
        errs.add(
            FieldError.forbidden(path + ".readinessProbe", "may not be set for init containers"));
      }
      if (ctr.getStartupProbe() != null) {
        errs.add(
            FieldError.forbidden(path + ".startupProbe", "may not be set for init containers"));
      }
      return errs;
    }
    errs.addAll(ProbeValidation.validate(ctr.getLivenessProbe(), path + ".livenessProbe"));
    errs.addAll(ProbeValidation.validate(ctr.getReadinessProbe(), path + ".readinessProbe"));
    errs.addAll(ProbeValidation.validate(ctr.getStartupProbe(), path + ".startupProbe"));
    errs.addAll(
        ProbeValidation.successThresholdIsOne(ctr.getLivenessProbe(), path + ".livenessProbe"));
    errs.addAll(
        ProbeValidation.successThresholdIsOne(ctr.getStartupProbe(), path + ".startupProbe"));
    return errs;
  }
}
