package io.minik8s.scheduler;

import io.minik8s.client.component.Component;
import io.minik8s.client.component.ComponentContext;
import io.minik8s.client.component.ComponentOptions;
import io.minik8s.client.component.ComponentRuntime;
import io.minik8s.client.component.LeaderElectionOptions;
import io.minik8s.client.component.SecureServingOptions;
import io.minik8s.client.component.ServingEndpoint;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * bin/kube-scheduler: the composition root of the scheduler process, run by the component runtime
 * with upstream's flags (client 50 QPS / burst 100, HTTPS on 10259, a Lease named kube-scheduler).
 */
@Command(
    name = "kube-scheduler",
    mixinStandardHelpOptions = true,
    version = "minik8s kube-scheduler " + ComponentRuntime.KUBERNETES_VERSION,
    description = "The Kubernetes scheduler: assigns unbound Pods to Nodes by writing Bindings.",
    sortOptions = false)
public final class SchedulerMain implements Component {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerMain.class);

  @Mixin ComponentOptions options = new ComponentOptions(50, 100);
  @Mixin SecureServingOptions serving = new SecureServingOptions(10259);
  @Mixin LeaderElectionOptions leaderElection = new LeaderElectionOptions("kube-scheduler");

  public static void main(String[] args) {
    System.exit(ComponentRuntime.standard().run(new SchedulerMain(), args));
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
  }

  @Override
  public void start(ComponentContext context) {
    LOG.info(
        "kube-scheduler serving health and metrics only: the scheduling loop is not built"
            + " yet (--leader-elect={}, Lease {}/{})",
        leaderElection.leaderElect(),
        leaderElection.resourceNamespace(),
        leaderElection.resourceName());
  }
}
