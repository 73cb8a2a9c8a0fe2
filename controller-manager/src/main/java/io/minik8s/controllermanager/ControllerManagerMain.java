package io.minik8s.controllermanager;

import io.minik8s.client.component.Component;
import io.minik8s.client.component.ComponentContext;
import io.minik8s.client.component.ComponentOptions;
import io.minik8s.client.component.ComponentRuntime;
import io.minik8s.client.component.DurationConverter;
import io.minik8s.client.component.LeaderElectionOptions;
import io.minik8s.client.component.SecureServingOptions;
import io.minik8s.client.component.ServingEndpoint;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * bin/kube-controller-manager: the composition root of the controller manager process, run by the
 * component runtime with upstream's flags (client 20 QPS / burst 30, HTTPS on 10257, a Lease named
 * kube-controller-manager, the controllers' own flags).
 */
@Command(
    name = "kube-controller-manager",
    mixinStandardHelpOptions = true,
    version = "minik8s kube-controller-manager " + ComponentRuntime.KUBERNETES_VERSION,
    description =
        "The Kubernetes controller manager: runs the control loops that drive the"
            + " cluster's objects towards their desired state.",
    sortOptions = false)
public final class ControllerManagerMain implements Component {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerManagerMain.class);

  @Mixin ComponentOptions options = new ComponentOptions(20, 30);
  @Mixin SecureServingOptions serving = new SecureServingOptions(10257);

  @Mixin
  LeaderElectionOptions leaderElection = new LeaderElectionOptions("kube-controller-manager");

  @Option(
      names = "--controllers",
      split = ",",
      defaultValue = "*",
      paramLabel = "NAMES",
      description =
          "Controllers to enable: '*' for the default ones, 'foo' to enable foo,"
              + " '-foo' to disable foo (default: ${DEFAULT-VALUE}).")
  List<String> controllers;

  @Option(
      names = "--node-monitor-period",
      defaultValue = "5s",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "The period for syncing NodeStatus in the node lifecycle controller"
              + " (default: ${DEFAULT-VALUE}).")
  Duration nodeMonitorPeriod;

  @Option(
      names = "--node-monitor-grace-period",
      defaultValue = "40s",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long a running Node may be unresponsive before it is marked unhealthy"
              + " (default: ${DEFAULT-VALUE}).")
  Duration nodeMonitorGracePeriod;

  @Option(
      names = "--concurrent-deployment-syncs",
      defaultValue = "5",
      paramLabel = "N",
      description = "Deployments synced concurrently (default: ${DEFAULT-VALUE}).")
  int concurrentDeploymentSyncs;

  @Option(
      names = "--concurrent-replicaset-syncs",
      defaultValue = "5",
      paramLabel = "N",
      description = "ReplicaSets synced concurrently (default: ${DEFAULT-VALUE}).")
  int concurrentReplicaSetSyncs;

  @Option(
      names = "--concurrent-rc-syncs",
      defaultValue = "5",
      paramLabel = "N",
      description = "ReplicationControllers synced concurrently (default: ${DEFAULT-VALUE}).")
  int concurrentRcSyncs;

  @Option(
      names = "--concurrent-endpoint-syncs",
      defaultValue = "5",
      paramLabel = "N",
      description = "Endpoints synced concurrently (default: ${DEFAULT-VALUE}).")
  int concurrentEndpointSyncs;

  @Option(
      names = "--concurrent-service-endpoint-syncs",
      defaultValue = "5",
      paramLabel = "N",
      description =
          "Services whose EndpointSlices are synced concurrently (default: ${DEFAULT-VALUE}).")
  int concurrentServiceEndpointSyncs;

  @Option(
      names = "--concurrent-namespace-syncs",
      defaultValue = "10",
      paramLabel = "N",
      description = "Namespaces synced concurrently (default: ${DEFAULT-VALUE}).")
  int concurrentNamespaceSyncs;

  @Option(
      names = "--concurrent-gc-syncs",
      defaultValue = "20",
      paramLabel = "N",
      description = "Garbage collector workers (default: ${DEFAULT-VALUE}).")
  int concurrentGcSyncs;

  public static void main(String[] args) {
    System.exit(ComponentRuntime.standard().run(new ControllerManagerMain(), args));
  }

  @Override
  public ComponentOptions componentOptions() {
    return options;
  }

  @Override
  public List<ServingEndpoint> servingEndpoints() {
    return serving.endpoint().stream().toList();
  }

  @Override
  public void validate() {
    leaderElection.validate();
    for (int n :
        new int[] {
          concurrentDeploymentSyncs,
          concurrentReplicaSetSyncs,
          concurrentRcSyncs,
          concurrentEndpointSyncs,
          concurrentServiceEndpointSyncs,
          concurrentNamespaceSyncs,
          concurrentGcSyncs
        }) {
      if (n < 1) {
        throw new IllegalArgumentException("--concurrent-*-syncs must be at least 1, got " + n);
      }
    }
    if (nodeMonitorGracePeriod.compareTo(nodeMonitorPeriod) <= 0) {
      throw new IllegalArgumentException(
          "--node-monitor-grace-period must be greater than --node-monitor-period");
    }
  }

  @Override
  public void start(ComponentContext context) {
    LOG.info(
        "kube-controller-manager serving health and metrics only: no controller is built"
            + " yet (--controllers={}, --leader-elect={})",
        String.join(",", controllers),
        leaderElection.leaderElect());
  }
}
