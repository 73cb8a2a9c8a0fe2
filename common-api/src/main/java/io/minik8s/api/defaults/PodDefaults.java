package io.minik8s.api.defaults;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Upstream's pod defaults: SetDefaults_PodSpec and the container, probe, volume and resource list
 * defaults for every pod spec (pods and pod templates alike), plus SetDefaults_Pod, which only real
 * pods get.
 */
final class PodDefaults {
  static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
  static final String DEFAULT_SCHEDULER_NAME = "default-scheduler";
  static final String TERMINATION_MESSAGE_PATH = "/dev/termination-log";

  private PodDefaults() {}

  /** SetObjectDefaults_Pod. */
  static void pod(Pod pod) {
    PodSpec spec = pod.getSpec();
    if (spec != null) {
      podOnly(spec);
      spec(spec);
    }
    status(pod.getStatus());
  }

  /** SetObjectDefaults_PodTemplate's part: what a template inside a workload gets. */
  static void template(PodTemplateSpec template) {
    if (template != null && template.getSpec() != null) {
      spec(template.getSpec());
    }
  }

  /** SetDefaults_Pod: only for pods, so that templates do not change when these defaults do. */
  private static void podOnly(PodSpec spec) {
    for (Container c : containersAndInitContainers(spec)) {
      ResourceRequirements resources = c.getResources();
      if (resources != null && resources.getLimits() != null && !resources.getLimits().isEmpty()) {
        Map<String, Quantity> requests =
            resources.getRequests() == null ? new LinkedHashMap<>() : resources.getRequests();
        resources
            .getLimits()
            .forEach((name, limit) -> requests.computeIfAbsent(name, n -> copy(limit)));
        if (!requests.isEmpty()) {
          resources.setRequests(requests);
        }
      }
    }
    if (spec.getEnableServiceLinks() == null) {
      spec.setEnableServiceLinks(true);
    }
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      // with host networking every container port is a host port
      for (Container c : containersAndInitContainers(spec)) {
        for (ContainerPort port : nonNull(c.getPorts())) {
          if (port.getHostPort() == null || port.getHostPort() == 0) {
            port.setHostPort(port.getContainerPort());
          }
        }
      }
    }
  }

  /** SetDefaults_PodSpec and everything nested in a pod spec. */
  static void spec(PodSpec spec) {
    if (Defaults.isEmpty(spec.getDnsPolicy())) {
      spec.setDnsPolicy("ClusterFirst");
    }
    if (Defaults.isEmpty(spec.getRestartPolicy())) {
      spec.setRestartPolicy("Always");
    }
    if (spec.getSecurityContext() == null) {
      spec.setSecurityContext(new PodSecurityContext());
    }
    if (spec.getTerminationGracePeriodSeconds() == null) {
      spec.setTerminationGracePeriodSeconds(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
    }
    if (Defaults.isEmpty(spec.getSchedulerName())) {
      spec.setSchedulerName(DEFAULT_SCHEDULER_NAME);
    }
    nonNull(spec.getVolumes()).forEach(VolumeDefaults::volume);
    containersAndInitContainers(spec).forEach(PodDefaults::container);
    nonNull(spec.getEphemeralContainers()).forEach(PodDefaults::ephemeralContainer);
    ResourceLists.roundUpToMilli(spec.getOverhead());
    resourceLists(spec.getResources());
  }

  private static void container(Container c) {
    if (Defaults.isEmpty(c.getImagePullPolicy())) {
      c.setImagePullPolicy(ImageReferences.defaultPullPolicy(c.getImage()));
    }
    if (Defaults.isEmpty(c.getTerminationMessagePath())) {
      c.setTerminationMessagePath(TERMINATION_MESSAGE_PATH);
    }
    if (Defaults.isEmpty(c.getTerminationMessagePolicy())) {
      c.setTerminationMessagePolicy("File");
    }
    if (c.getResources() == null) {
      // a struct upstream, so always present: "resources: {}"
      c.setResources(new ResourceRequirements());
    }
    common(c.getPorts(), c.getEnv(), c.getResources(), c.getLifecycle());
    Stream.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())
        .forEach(PodDefaults::probe);
  }

  private static void ephemeralContainer(EphemeralContainer c) {
    if (Defaults.isEmpty(c.getImagePullPolicy())) {
      c.setImagePullPolicy(ImageReferences.defaultPullPolicy(c.getImage()));
    }
    if (Defaults.isEmpty(c.getTerminationMessagePath())) {
      c.setTerminationMessagePath(TERMINATION_MESSAGE_PATH);
    }
    if (Defaults.isEmpty(c.getTerminationMessagePolicy())) {
      c.setTerminationMessagePolicy("File");
    }
    if (c.getResources() == null) {
      c.setResources(new ResourceRequirements());
    }
    common(c.getPorts(), c.getEnv(), c.getResources(), c.getLifecycle());
    Stream.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())
        .forEach(PodDefaults::probe);
  }

  private static void common(
      List<ContainerPort> ports,
      List<EnvVar> env,
      ResourceRequirements resources,
      Lifecycle lifecycle) {
    for (ContainerPort port : nonNull(ports)) {
      if (Defaults.isEmpty(port.getProtocol())) {
        port.setProtocol("TCP");
      }
    }
    for (EnvVar var : nonNull(env)) {
      if (var.getValueFrom() != null) {
        VolumeDefaults.fieldRef(var.getValueFrom().getFieldRef());
      }
    }
    resourceLists(resources);
    if (lifecycle != null) {
      Stream.of(lifecycle.getPostStart(), lifecycle.getPreStop())
          .map(PodDefaults::httpGetOf)
          .forEach(PodDefaults::httpGet);
    }
  }

  /** SetDefaults_Probe; upstream treats 0 as unset. */
  private static void probe(Probe probe) {
    if (probe == null) {
      return;
    }
    if (unset(probe.getTimeoutSeconds())) {
      probe.setTimeoutSeconds(1);
    }
    if (unset(probe.getPeriodSeconds())) {
      probe.setPeriodSeconds(10);
    }
    if (unset(probe.getSuccessThreshold())) {
      probe.setSuccessThreshold(1);
    }
    if (unset(probe.getFailureThreshold())) {
      probe.setFailureThreshold(3);
    }
    httpGet(probe.getHttpGet());
    if (probe.getGrpc() != null && probe.getGrpc().getService() == null) {
      probe.getGrpc().setService("");
    }
  }

  /** SetDefaults_HTTPGetAction. */
  private static void httpGet(HTTPGetAction action) {
    if (action == null) {
      return;
    }
    if (Defaults.isEmpty(action.getPath())) {
      action.setPath("/");
    }
    if (Defaults.isEmpty(action.getScheme())) {
      action.setScheme("HTTP");
    }
  }

  private static void status(PodStatus status) {
    if (status == null) {
      return;
    }
    Stream.of(
            status.getInitContainerStatuses(),
            status.getContainerStatuses(),
            status.getEphemeralContainerStatuses())
        .flatMap(statuses -> nonNull(statuses).stream())
        .forEach(
            (ContainerStatus s) -> {
              ResourceLists.roundUpToMilli(s.getAllocatedResources());
              resourceLists(s.getResources());
            });
    ResourceLists.roundUpToMilli(status.getAllocatedResources());
    resourceLists(status.getResources());
  }

  private static void resourceLists(ResourceRequirements resources) {
    if (resources != null) {
      ResourceLists.roundUpToMilli(resources.getLimits());
      ResourceLists.roundUpToMilli(resources.getRequests());
    }
  }

  private static List<Container> containersAndInitContainers(PodSpec spec) {
    return Stream.concat(
            nonNull(spec.getInitContainers()).stream(), nonNull(spec.getContainers()).stream())
        .toList();
  }

  private static Quantity copy(Quantity q) {
    return new Quantity(q.getAmount(), q.getFormat());
  }

  private static boolean unset(Integer value) {
    return value == null || value == 0;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static HTTPGetAction httpGetOf(LifecycleHandler handler) {
    return handler == null ? null : handler.getHttpGet();
  }
}
