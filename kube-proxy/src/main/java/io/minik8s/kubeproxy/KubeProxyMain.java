package io.minik8s.kubeproxy;

import io.minik8s.client.component.Component;
import io.minik8s.client.component.ComponentContext;
import io.minik8s.client.component.ComponentOptions;
import io.minik8s.client.component.ComponentRuntime;
import io.minik8s.client.component.HostPort;
import io.minik8s.client.component.Hostnames;
import io.minik8s.client.component.ServingEndpoint;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * bin/kube-proxy: the composition root of the per-node proxy, run by the component runtime with
 * upstream's flags (client-go's 5 QPS / burst 10, healthz on 0.0.0.0:10256, metrics and healthz on
 * 127.0.0.1:10249).
 */
@Command(
    name = "kube-proxy",
    mixinStandardHelpOptions = true,
    version = "minik8s kube-proxy " + ComponentRuntime.KUBERNETES_VERSION,
    description =
        "The network proxy: reflects Services and EndpointSlices into forwarding on"
            + " this node.",
    sortOptions = false)
public final class KubeProxyMain implements Component {
  private static final Logger LOG = LoggerFactory.getLogger(KubeProxyMain.class);

  @Mixin ComponentOptions options = new ComponentOptions();

  @Option(
      names = "--hostname-override",
      paramLabel = "NAME",
      description = "The name of this node instead of the host name.")
  String hostnameOverride;

  @Option(
      names = "--proxy-mode",
      defaultValue = "iptables",
      paramLabel = "MODE",
      description = "Which proxy mode to use: iptables or userspace (default: ${DEFAULT-VALUE}).")
  String proxyMode;

  @Option(
      names = "--nodeport-addresses",
      split = ",",
      paramLabel = "CIDRS",
      description = "The CIDRs of the addresses NodePorts are served on (default: all).")
  List<String> nodePortAddresses = new ArrayList<>();

  @Option(
      names = "--bind-address",
      defaultValue = "0.0.0.0",
      paramLabel = "IP",
      description =
          "Overrides kube-proxy's idea of its primary node IP (default: ${DEFAULT-VALUE}).")
  String bindAddress;

  @Option(
      names = "--healthz-bind-address",
      defaultValue = "0.0.0.0:10256",
      paramLabel = "IP:PORT",
      converter = HostPort.Converter.class,
      description =
          "The IP address with port for the health check server; empty disables it"
              + " (default: ${DEFAULT-VALUE}).")
  HostPort healthzBindAddress;

  @Option(
      names = "--metrics-bind-address",
      defaultValue = "127.0.0.1:10249",
      paramLabel = "IP:PORT",
      converter = HostPort.Converter.class,
      description =
          "The IP address with port for the metrics server; empty disables it"
              + " (default: ${DEFAULT-VALUE}).")
  HostPort metricsBindAddress;

  public static void main(String[] args) {
    System.exit(ComponentRuntime.standard().run(new KubeProxyMain(), args));
  }

  @Override
  public ComponentOptions componentOptions() {
    return options;
  }

  @Override
  public List<ServingEndpoint> servingEndpoints() {
    List<ServingEndpoint> endpoints = new ArrayList<>();
    if (healthzBindAddress != null) {
      endpoints.add(
          ServingEndpoint.http("healthz", healthzBindAddress.host(), healthzBindAddress.port())
              .healthOnly());
    }
    if (metricsBindAddress != null) {
      endpoints.add(
          ServingEndpoint.http("metrics", metricsBindAddress.host(), metricsBindAddress.port()));
    }
    return endpoints;
  }

  @Override
  public void validate() {
    if (!proxyMode.equals("iptables") && !proxyMode.equals("userspace")) {
      throw new IllegalArgumentException(
          "--proxy-mode must be iptables or userspace, got \"" + proxyMode + "\"");
    }
    Hostnames.nodeName(hostnameOverride);
  }

  @Override
  public void start(ComponentContext context) {
    LOG.info(
        "kube-proxy for node {} serving health and metrics only: the {} proxier is not"
            + " built yet",
        Hostnames.nodeName(hostnameOverride),
        proxyMode);
  }
}
