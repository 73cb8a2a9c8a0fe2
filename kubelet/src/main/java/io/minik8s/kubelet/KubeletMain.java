package io.minik8s.kubelet;

import io.minik8s.client.component.Component;
import io.minik8s.client.component.ComponentContext;
import io.minik8s.client.component.ComponentOptions;
import io.minik8s.client.component.ComponentRuntime;
import io.minik8s.client.component.DurationConverter;
import io.minik8s.client.component.Hostnames;
import io.minik8s.client.component.ServingEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * bin/kubelet: the composition root of the node agent, run by the component runtime with upstream's
 * flags (client 50 QPS / burst 100, no {@code --master}, healthz on 127.0.0.1:10248). Until the
 * kubelet's HTTPS API on {@code --port} exists, {@code /metrics} is served on the healthz port.
 */
@Command(
    name = "kubelet",
    mixinStandardHelpOptions = true,
    version = "minik8s kubelet " + ComponentRuntime.KUBERNETES_VERSION,
    description = "The node agent: registers the Node and runs the Pods bound to it.",
    sortOptions = false)
public final class KubeletMain implements Component {
  private static final Logger LOG = LoggerFactory.getLogger(KubeletMain.class);

  @Mixin ComponentOptions options = new ComponentOptions(50, 100);

  @Option(
      names = "--hostname-override",
      paramLabel = "NAME",
      description = "The Node's name instead of the host name.")
  String hostnameOverride;

  @Option(
      names = "--node-ip",
      paramLabel = "IP",
      description = "The Node's InternalIP (default: the address of its host name).")
  String nodeIp;

  @Option(
      names = "--address",
      defaultValue = "0.0.0.0",
      paramLabel = "IP",
      description = "The IP address of the kubelet's HTTPS API (default: ${DEFAULT-VALUE}).")
  String address;

  @Option(
      names = "--port",
      defaultValue = "10250",
      paramLabel = "PORT",
      description = "The port of the kubelet's HTTPS API (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--healthz-bind-address",
      defaultValue = "127.0.0.1",
      paramLabel = "IP",
      description = "The IP address for the healthz server (default: ${DEFAULT-VALUE}).")
  String healthzBindAddress;

  @Option(
      names = "--healthz-port",
      defaultValue = "10248",
      paramLabel = "PORT",
      description =
          "The port of the localhost healthz endpoint; 0 disables it"
              + " (default: ${DEFAULT-VALUE}).")
  int healthzPort;

  @Option(
      names = "--node-status-update-frequency",
      defaultValue = "10s",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How often the kubelet posts node status to the API server"
              + " (default: ${DEFAULT-VALUE}).")
  Duration nodeStatusUpdateFrequency;

  @Option(
      names = "--container-runtime",
      defaultValue = "docker",
      paramLabel = "RUNTIME",
      description =
          "docker (real containers through the Docker Engine) or simulated (hollow"
              + " nodes, no containers) (default: ${DEFAULT-VALUE}).")
  String containerRuntime;

  @Option(
      names = "--simulated-nodes",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "With --container-runtime=simulated, the hollow nodes this process runs,"
              + " named <hostname-override>-<i> (default: ${DEFAULT-VALUE}).")
  int simulatedNodes;

  public static void main(String[] args) {
    System.exit(ComponentRuntime.standard().run(new KubeletMain(), args));
  }

  @Override
  public ComponentOptions componentOptions() {
    return options;
  }

  @Override
  public boolean acceptsMaster() {
    return false;
  }

  @Override
  public List<ServingEndpoint> servingEndpoints() {
    List<ServingEndpoint> endpoints = new ArrayList<>();
    if (healthzPort != 0) {
      endpoints.add(ServingEndpoint.http("healthz", healthzBindAddress, healthzPort));
    }
    return endpoints;
  }

  @Override
  public void validate() {
    if (!containerRuntime.equals("docker") && !containerRuntime.equals("simulated")) {
      throw new IllegalArgumentException(
          "--container-runtime must be docker or simulated, got \"" + containerRuntime + "\"");
    }
    if (simulatedNodes < 1) {
      throw new IllegalArgumentException("--simulated-nodes must be at least 1");
    }
    if (nodeStatusUpdateFrequency.isNegative() || nodeStatusUpdateFrequency.isZero()) {
      throw new IllegalArgumentException("--node-status-update-frequency must be positive");
    }
    Hostnames.nodeName(hostnameOverride);
  }

  @Override
  public void start(ComponentContext context) {
    LOG.info(
        "kubelet for node {} serving health and metrics only: registration and pod workers"
            + " are not built yet (--container-runtime={})",
        Hostnames.nodeName(hostnameOverride),
        containerRuntime);
  }
}
