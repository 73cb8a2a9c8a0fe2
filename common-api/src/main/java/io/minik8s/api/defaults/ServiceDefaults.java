package io.minik8s.api.defaults;

import io.fabric8.kubernetes.api.model.ClientIPConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;
import java.util.List;

/** Upstream's SetDefaults_Service. Cluster IPs and node ports are the API server's to allocate. */
final class ServiceDefaults {
  /** Three hours, upstream's DefaultClientIPServiceAffinitySeconds. */
  static final int DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

  private ServiceDefaults() {}

  static void service(Service service) {
    ServiceSpec spec = service.getSpec();
    if (spec == null) {
      return;
    }
    if (Defaults.isEmpty(spec.getSessionAffinity())) {
      spec.setSessionAffinity("None");
    }
    if (spec.getSessionAffinity().equals("None")) {
      spec.setSessionAffinityConfig(null);
    }
    if (spec.getSessionAffinity().equals("ClientIP")) {
      SessionAffinityConfig config = spec.getSessionAffinityConfig();
      if (config == null
          || config.getClientIP() == null
          || config.getClientIP().getTimeoutSeconds() == null) {
        spec.setSessionAffinityConfig(
            new SessionAffinityConfig(new ClientIPConfig(DEFAULT_CLIENT_IP_AFFINITY_SECONDS)));
      }
    }
    if (Defaults.isEmpty(spec.getType())) {
      spec.setType("ClusterIP");
    }
    for (ServicePort port : spec.getPorts() == null ? List.<ServicePort>of() : spec.getPorts()) {
      if (Defaults.isEmpty(port.getProtocol())) {
        port.setProtocol("TCP");
      }
      if (unsetTargetPort(port.getTargetPort()) && port.getPort() != null) {
        port.setTargetPort(new IntOrString(port.getPort()));
      }
    }
    String type = spec.getType();
    boolean externallyAccessible =
        type.equals("LoadBalancer")
            || type.equals("NodePort")
            || (type.equals("ClusterIP")
                && spec.getExternalIPs() != null
                && !spec.getExternalIPs().isEmpty());
    if (externallyAccessible && Defaults.isEmpty(spec.getExternalTrafficPolicy())) {
      spec.setExternalTrafficPolicy("Cluster");
    }
    if (spec.getInternalTrafficPolicy() == null
        && (type.equals("ClusterIP") || type.equals("NodePort") || type.equals("LoadBalancer"))) {
      spec.setInternalTrafficPolicy("Cluster");
    }
    if (type.equals("LoadBalancer")) {
      if (spec.getAllocateLoadBalancerNodePorts() == null) {
        spec.setAllocateLoadBalancerNodePorts(true);
      }
      loadBalancerIngressIpMode(service);
    }
  }

  private static boolean unsetTargetPort(IntOrString targetPort) {
    return targetPort == null
        || (targetPort.getIntVal() != null && targetPort.getIntVal() == 0)
        || (targetPort.getIntVal() == null && Defaults.isEmpty(targetPort.getStrVal()));
  }

  private static void loadBalancerIngressIpMode(Service service) {
    if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null) {
      return;
    }
    List<LoadBalancerIngress> ingress = service.getStatus().getLoadBalancer().getIngress();
    for (LoadBalancerIngress entry : ingress == null ? List.<LoadBalancerIngress>of() : ingress) {
      if (!Defaults.isEmpty(entry.getIp()) && entry.getIpMode() == null) {
        entry.setIpMode("VIP");
      }
    }
  }
}
