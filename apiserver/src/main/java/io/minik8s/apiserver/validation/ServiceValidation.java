package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;
import static io.minik8s.apiserver.validation.FieldChecks.list;
import static io.minik8s.apiserver.validation.FieldChecks.str;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's Service rules: ports, types, session affinity, selector and cluster IPs on create; on
 * update, an assigned cluster IP is immutable. NodePort ranges and conflicts are checked by the
 * allocators, not here.
 */
public final class ServiceValidation {
  static final List<String> TYPES =
      List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  static final List<String> SESSION_AFFINITIES = List.of("ClientIP", "None");
  static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
  private static final int KUBELET_PORT = 10250;

  private ServiceValidation() {}

  public static List<FieldError> validateService(Service service, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                service.getMetadata(), namespaced, ObjectMetaValidation.DNS1035_NAME, "metadata"));
    ServiceSpec spec = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
    String type = isEmpty(spec.getType()) ? "ClusterIP" : spec.getType();
    String clusterIp = str(spec.getClusterIP());
    boolean headless = clusterIp.equals("None");
    List<ServicePort> ports = list(spec.getPorts());
    if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
      errs.add(FieldError.required("spec.ports", ""));
    }
    switch (type) {
      case "LoadBalancer" -> {
        for (int i = 0; i < ports.size(); i++) {
          Integer port = ports.get(i).getPort();
          if (port != null && port == KUBELET_PORT) {
            errs.add(
                FieldError.invalid(
                    index("spec.ports", i),
                    port,
                    "may not expose port "
                        + KUBELET_PORT
                        + " externally since it is used by kubelet"));
          }
        }
        if (headless) {
          errs.add(
              FieldError.invalid(
                  "spec.clusterIP",
                  clusterIp,
                  "may not be set to 'None' for LoadBalancer services"));
        }
      }
      case "NodePort" -> {
        if (headless) {
          errs.add(
              FieldError.invalid(
                  "spec.clusterIP", clusterIp, "may not be set to 'None' for NodePort services"));
        }
      }
      case "ExternalName" -> {
        if (!clusterIp.isEmpty()) {
          errs.add(
              FieldError.forbidden("spec.clusterIP", "may not be set for ExternalName services"));
        }
        // a CNAME may end in a dot to mark it fully qualified
        String cname = str(spec.getExternalName());
        cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
        if (cname.isEmpty()) {
          errs.add(FieldError.required("spec.externalName", ""));
        } else {
          errs.addAll(FieldChecks.dns1123Subdomain(cname, "spec.externalName"));
        }
      }
      default -> {}
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      errs.addAll(port(ports.get(i), ports.size() > 1, names, index("spec.ports", i)));
    }
    errs.addAll(ObjectMetaValidation.validateLabels(spec.getSelector(), "spec.selector"));
    errs.addAll(
        FieldChecks.oneOf(spec.getSessionAffinity(), "spec.sessionAffinity", SESSION_AFFINITIES));
    errs.addAll(sessionAffinityConfig(spec));
    if (!clusterIp.isEmpty() && !headless && !NetValidation.isIp(clusterIp)) {
      errs.add(
          FieldError.invalid(
              "spec.clusterIP", clusterIp, "must be empty, 'None', or a valid IP address"));
    }
    errs.addAll(clusterIps(spec, clusterIp));
    List<String> externalIps = list(spec.getExternalIPs());
    for (int i = 0; i < externalIps.size(); i++) {
      errs.addAll(
          FieldChecks.each(
              index("spec.externalIPs", i), externalIps.get(i), NetValidation::isValidIp));
    }
    errs.addAll(FieldChecks.oneOf(spec.getType(), "spec.type", TYPES));
    if (type.equals("ClusterIP")) {
      for (int i = 0; i < ports.size(); i++) {
        Integer nodePort = ports.get(i).getNodePort();
        if (nodePort != null && nodePort != 0) {
          errs.add(
              FieldError.forbidden(
                  index("spec.ports", i) + ".nodePort",
                  "may not be used when `type` is 'ClusterIP'"));
        }
      }
    }
    errs.addAll(duplicatePorts(ports));
    errs.addAll(
        FieldChecks.oneOf(
            spec.getExternalTrafficPolicy(), "spec.externalTrafficPolicy", TRAFFIC_POLICIES));
    errs.addAll(
        FieldChecks.oneOf(
            spec.getInternalTrafficPolicy(), "spec.internalTrafficPolicy", TRAFFIC_POLICIES));
    return errs;
  }

  /** An update: metadata rules, the new service valid, and an assigned cluster IP kept. */
  public static List<FieldError> validateServiceUpdate(
      Service service, Service old, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(
                service.getMetadata(), old.getMetadata(), "metadata"));
    ServiceSpec spec = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
    ServiceSpec oldSpec = old.getSpec() == null ? new ServiceSpec() : old.getSpec();
    boolean externalName = "ExternalName".equals(spec.getType());
    boolean wasExternalName = "ExternalName".equals(oldSpec.getType());
    if (!externalName && !wasExternalName && !isEmpty(oldSpec.getClusterIP())) {
      errs.addAll(
          FieldChecks.immutable(
              str(spec.getClusterIP()), oldSpec.getClusterIP(), "spec.clusterIP"));
    }
    if (!externalName && !wasExternalName) {
      errs.addAll(clusterIpsUpdate(list(spec.getClusterIPs()), list(oldSpec.getClusterIPs())));
    }
    errs.addAll(validateService(service, namespaced));
    return errs;
  }

  /** Assigned cluster IPs stay: same-length lists compare pairwise, the primary always. */
  private static List<FieldError> clusterIpsUpdate(List<String> ips, List<String> oldIps) {
    List<FieldError> errs = new ArrayList<>();
    boolean headless = ips.equals(List.of("None"));
    if (headless && oldIps.equals(List.of("None"))) {
      return errs;
    }
    if (ips.size() == oldIps.size()) {
      for (int i = 0; i < oldIps.size(); i++) {
        if (!oldIps.get(i).equals(ips.get(i))) {
          errs.add(FieldError.invalid(index("spec.clusterIPs", i), ips, "may not change once set"));
        }
      }
    } else if (!oldIps.isEmpty() && ips.isEmpty()) {
      errs.add(FieldError.invalid("spec.clusterIPs[0]", ips, "primary clusterIP can not be unset"));
    } else if (!oldIps.isEmpty() && !ips.get(0).equals(oldIps.get(0))) {
      errs.add(FieldError.invalid("spec.clusterIPs[0]", ips, "may not change once set"));
    }
    return errs;
  }

  private static List<FieldError> port(
      ServicePort sp, boolean requireName, Set<String> names, String path) {
    List<FieldError> errs = new ArrayList<>();
    String name = str(sp.getName());
    if (requireName && name.isEmpty()) {
      errs.add(FieldError.required(path + ".name", ""));
    } else if (!name.isEmpty()) {
      errs.addAll(FieldChecks.dns1123Label(name, path + ".name"));
      if (!names.add(name)) {
        errs.add(FieldError.duplicate(path + ".name", name));
      }
    }
    int port = sp.getPort() == null ? 0 : sp.getPort();
    for (String msg : NameValidation.isValidPortNum(port)) {
      errs.add(FieldError.invalid(path + ".port", port, msg));
    }
    errs.addAll(
        FieldChecks.oneOf(sp.getProtocol(), path + ".protocol", ContainerValidation.PROTOCOLS));
    if (sp.getTargetPort() != null) {
      errs.addAll(ProbeValidation.portNumOrName(sp.getTargetPort(), path + ".targetPort"));
    }
    return errs;
  }

  /** No two ports may share protocol and port, nor protocol and node port. */
  private static List<FieldError> duplicatePorts(List<ServicePort> ports) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> nodePorts = new HashSet<>();
    Set<String> servicePorts = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ServicePort sp = ports.get(i);
      String protocol = isEmpty(sp.getProtocol()) ? "TCP" : sp.getProtocol();
      String path = index("spec.ports", i);
      if (sp.getNodePort() != null && sp.getNodePort() != 0) {
        if (!nodePorts.add(protocol + "/" + sp.getNodePort())) {
          errs.add(FieldError.duplicate(path + ".nodePort", sp.getNodePort()));
        }
      }
      if (!servicePorts.add(protocol + "/" + sp.getPort())) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("port", sp.getPort());
        key.put("protocol", protocol);
        errs.add(FieldError.duplicate(path, key));
      }
    }
    return errs;
  }

  private static List<FieldError> sessionAffinityConfig(ServiceSpec spec) {
    String path = "spec.sessionAffinityConfig";
    if ("None".equals(spec.getSessionAffinity()) && spec.getSessionAffinityConfig() != null) {
      return List.of(FieldError.forbidden(path, "must not be set when session affinity is None"));
    }
    if (!"ClientIP".equals(spec.getSessionAffinity())
        || spec.getSessionAffinityConfig() == null
        || spec.getSessionAffinityConfig().getClientIP() == null) {
      return List.of();
    }
    Integer timeout = spec.getSessionAffinityConfig().getClientIP().getTimeoutSeconds();
    if (timeout != null && (timeout <= 0 || timeout > 86400)) {
      return List.of(
          FieldError.invalid(
              path + ".clientIP.timeoutSeconds",
              timeout,
              "must be greater than 0 and less than 86400"));
    }
    return List.of();
  }

  private static List<FieldError> clusterIps(ServiceSpec spec, String clusterIp) {
    List<FieldError> errs = new ArrayList<>();
    List<String> ips = list(spec.getClusterIPs());
    if (ips.isEmpty()) {
      return errs;
    }
    if ("ExternalName".equals(spec.getType())) {
      errs.add(FieldError.forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
      return errs;
    }
    // an empty clusterIP is filled from clusterIPs[0] by the strategy, as upstream's does
    if (!clusterIp.isEmpty() && !clusterIp.equals(ips.get(0))) {
      errs.add(FieldError.invalid("spec.clusterIPs", ips, "first value must match `clusterIP`"));
    }
    for (int i = 0; i < ips.size(); i++) {
      String ip = ips.get(i);
      if (i == 0 && ip.equals("None")) {
        if (ips.size() > 1) {
          errs.add(
              FieldError.invalid(
                  "spec.clusterIPs", ips, "'None' must be the first and only value"));
        }
        continue;
      }
      errs.addAll(FieldChecks.each(index("spec.clusterIPs", i), ip, NetValidation::isValidIp));
    }
    if (ips.size() > 2) {
      errs.add(FieldError.invalid("spec.clusterIPs", ips, "may only hold up to 2 values"));
    }
    return errs;
  }
}
